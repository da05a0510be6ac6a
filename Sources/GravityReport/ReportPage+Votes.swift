import Foundation
import GravityModel
import GravityRuntime

extension ReportPage {
    /// Personas by phase and round: each cell the vote (colour and words), its reason on hover and
    /// for screen readers, and under the rows each round's weighted average and support.
    var voteMatrix: [String: Any] {
        let columns = report.phases.flatMap { phase in phase.rounds.map { (phase: phase.phase, round: $0) } }
        var rows: [[String: Any]] = report.members.map { member in
            [
                "name": member.name,
                "role": member.role,
                "weight": member.weight.map { Self.decimal($0) } ?? "",
                "cells": columns.map { column -> [String: Any] in
                    guard let vote = column.round.votes[member.id] else {
                        let led = column.round.proposal?.author == member.id
                        return ["class": "none", "mark": led ? "lead" : "", "label": led ? "proposed it" : "no vote"]
                    }
                    return [
                        "class": vote.abstained ? "abstained" : vote.option.rawValue,
                        "mark": vote.abstained ? "?" : Self.mark(vote.option),
                        "label": vote.abstained ? "abstained" : vote.option.rawValue.replacingOccurrences(of: "_", with: " "),
                        "reason": vote.reason,
                        "vote_weight": Self.decimal(vote.weight),
                    ]
                },
            ]
        }
        if report.phases.contains(where: { !$0.owner.isEmpty }) {
            rows.append(ownerRow(columns))
        }
        return [
            "phases": report.phases.filter { !$0.rounds.isEmpty }.map { phase in
                ["title": phase.phase.title, "span": "\(phase.rounds.count)"]
            },
            "rounds": columns.map { ["label": "R\($0.round.number)", "long": "\($0.phase.title), round \($0.round.number)"] },
            "rows": rows,
            "averages": columns.map { Self.tallyCell($0.round.tally, \.average, format: { Self.decimal($0) }) },
            "supports": columns.map { Self.tallyCell($0.round.tally, \.support, format: { Self.decimal($0, places: 0) + "%" }) },
            "outcomes": columns.map { column in
                ["text": column.round.tally.map { $0.brokenGates.isEmpty ? $0.outcome.label : "\($0.outcome.label), breaks a gate" } ?? "", "class": Self.outcomeClass(column.round.tally)]
            },
            "member_count": "\(report.members.count)",
        ]
    }

    /// The product owner's answers at the approval gates, under the round each was about.
    private func ownerRow(_ columns: [(phase: Phase, round: RunReport.Round)]) -> [String: Any] {
        let mode = report.header.approve?.mode ?? .override
        return [
            "name": "Product owner",
            "role": "a person, at the approval gate",
            "weight": mode == .vote ? Self.decimal(OwnerGates.voteWeight) : "overrides",
            "cells": columns.map { column -> [String: Any] in
                let phase = report.phases.first { $0.phase == column.phase }
                guard let record = phase?.owner.last(where: { $0.round == column.round.number }) else {
                    return ["class": "none", "label": "not asked"]
                }
                let vote = record.vote(weight: OwnerGates.voteWeight)
                return [
                    "class": vote.option.rawValue,
                    "mark": Self.mark(vote.option),
                    "label": record.answer.kind.rawValue,
                    "reason": record.answer.text,
                ]
            },
        ]
    }

    private static func tallyCell(_ tally: WeightedTally?, _ value: KeyPath<WeightedTally, Double>, format: (Double) -> String) -> [String: Any] {
        guard let tally else { return ["text": ""] }
        return ["text": format(tally[keyPath: value]), "class": outcomeClass(tally)]
    }

    static func mark(_ option: VoteOption) -> String {
        switch option {
        case .stronglyAgree: "++"
        case .agree: "+"
        case .neutral: "0"
        case .disagree: "−"
        case .stronglyDisagree: "−−"
        }
    }
}
