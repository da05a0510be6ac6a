#!/usr/bin/env python3
"""The peers' side of the side-by-side benchmark: the same workloads as `gravity-team bench bus` and
`gravity-team bench review`, in autogen-core and crewai, with fake models that return the same fixed
text. Prints one JSON object."""

import asyncio
import json
import os
import sys
import time
from dataclasses import dataclass

FIXED_REVIEW = '{"vote": "agree", "reason": "The proposal covers my checklist.", "missing": []}'


async def autogen_bus(messages: int, subscribers: int) -> float:
    """Messages per second published on one topic to `subscribers` agents in SingleThreadedAgentRuntime."""
    from autogen_core import MessageContext, RoutedAgent, SingleThreadedAgentRuntime, TopicId, TypeSubscription, message_handler

    @dataclass
    class Note:
        number: int

    received = [0]

    class Sink(RoutedAgent):
        def __init__(self) -> None:
            super().__init__("sink")

        @message_handler
        async def on_note(self, message: Note, ctx: MessageContext) -> None:
            received[0] += 1

    runtime = SingleThreadedAgentRuntime()
    for index in range(subscribers):
        await Sink.register(runtime, f"sink{index}", Sink)
        await runtime.add_subscription(TypeSubscription(topic_type="bench", agent_type=f"sink{index}"))
    runtime.start()
    topic = TopicId("bench", "default")
    started = time.perf_counter()
    for number in range(messages):
        await runtime.publish_message(Note(number), topic_id=topic)
    await runtime.stop_when_idle()
    elapsed = time.perf_counter() - started
    assert received[0] == messages * subscribers, (received[0], messages * subscribers)
    return messages / elapsed


def crewai_review_round(rounds: int) -> float:
    """Rounds per second of a 14-agent crew, each agent reviewing once with a fake LLM."""
    os.environ.setdefault("CREWAI_DISABLE_TELEMETRY", "true")
    os.environ.setdefault("OTEL_SDK_DISABLED", "true")
    from crewai import Agent, Crew, Task
    from crewai.llms.base_llm import BaseLLM

    class FixedLLM(BaseLLM):
        def __init__(self):
            super().__init__(model="fixed")

        def call(self, messages, tools=None, callbacks=None, available_functions=None, **kwargs):
            return FIXED_REVIEW

        def supports_function_calling(self) -> bool:
            return False

    llm = FixedLLM()
    agents = [
        Agent(role=f"Reviewer {index}", goal="Review proposals against your checklist", backstory="A senior engineer.", llm=llm, verbose=False)
        for index in range(14)
    ]
    tasks = [
        Task(description="Review the testing proposal: pytest, unit and API suites, 80% coverage.", expected_output="A JSON vote", agent=agent)
        for agent in agents
    ]
    crew = Crew(agents=agents, tasks=tasks, verbose=False)
    crew.kickoff()  # warm-up
    started = time.perf_counter()
    for _ in range(rounds):
        crew.kickoff()
    return rounds / (time.perf_counter() - started)


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    import autogen_core
    import crewai

    result = {
        "autogen_core_version": autogen_core.__version__ if hasattr(autogen_core, "__version__") else "unknown",
        "crewai_version": crewai.__version__,
        "autogen_one_to_one_messages_per_s": asyncio.run(autogen_bus(messages, 1)),
        "autogen_broadcast_14_messages_per_s": asyncio.run(autogen_bus(messages // 5, 14)),
        "crewai_review_rounds_per_s": crewai_review_round(rounds),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
