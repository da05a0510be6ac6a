import GravityModel

extension AppModel {
    /// An entity's workflow as the generators use it: safe names, the states of its status column,
    /// and for each transition which roles may take it from which states.
    public struct Lifecycle: Sendable {
        public struct Transition: Sendable {
            public var name: String
            public var to: String
            /// Role to the states it may take the transition from, roles in the app's order.
            public var from: [(role: String, states: [String])]
            /// The column the server sets to the account that took it.
            public var records: String?

            /// Every role that may take it from some state.
            public var roles: [String] { from.map(\.role) }

            /// The states `role` may take it from (none for a role that may not take it).
            public func states(for role: String) -> [String] { from.first { $0.role == role }?.states ?? [] }

            /// Every state some role may take it from, in the lifecycle's order of states.
            public func sources(in states: [String]) -> [String] {
                let all = Set(from.flatMap(\.states))
                return states.filter(all.contains)
            }
        }

        /// The status column.
        public var field: String
        public var initial: String
        /// The column's values, in the Blueprint's order.
        public var states: [String]
        public var transitions: [Transition]

        /// The columns only the server writes: the status and who took each recorded transition.
        public var serverColumns: [String] { [field] + transitions.compactMap(\.records) }

        /// The transitions `role` may take from `state`.
        public func available(to role: String, in state: String) -> [Transition] {
            transitions.filter { $0.states(for: role).contains(state) }
        }

        /// A way to take `transition`: the first role that may, after the shortest walk to a state
        /// it may take it from; nil when no role can get there.
        public func firstWay(to transition: Transition) -> (role: String, path: [(transition: Transition, role: String)])? {
            for (role, states) in transition.from {
                if let path = states.lazy.compactMap({ self.path(to: $0) }).first { return (role, path) }
            }
            return nil
        }

        /// The shortest way from the initial state to `state`, as transitions with a role that may
        /// take each; nil when no role can get there.
        public func path(to state: String) -> [(transition: Transition, role: String)]? {
            var paths: [String: [(transition: Transition, role: String)]] = [initial: []]
            var queue = [initial]
            while !queue.isEmpty {
                let current = queue.removeFirst()
                if current == state { return paths[current] }
                for transition in transitions where paths[transition.to] == nil {
                    guard let role = transition.from.first(where: { $0.states.contains(current) })?.role else { continue }
                    paths[transition.to] = (paths[current] ?? []) + [(transition, role)]
                    queue.append(transition.to)
                }
            }
            return nil
        }
    }
}
