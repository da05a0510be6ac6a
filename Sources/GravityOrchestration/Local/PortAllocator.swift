import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Free TCP ports on 127.0.0.1, found by asking the kernel.
public enum PortAllocator {
    /// A port nothing listens on now. It is drawn below the kernel's ephemeral range: a port from that
    /// range (the kernel's own pick) can be taken by any outgoing connection on the machine in the
    /// seconds between this check and the service binding it, and was, under a busy test run.
    /// `excluding` holds ports already promised to something that does not listen yet (the gateway's
    /// port, a service started later): free now, but not free to hand out again.
    public static func freePort(excluding promised: Set<Int> = []) throws -> Int {
        let below = ephemeralRangeStart()
        if below > 20_500 {
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<200 {
                let candidate = Int.random(in: 20_000..<below, using: &generator)
                if !promised.contains(candidate), bind(port: candidate) != nil { return candidate }
            }
        }
        for _ in 0..<20 {
            guard let port = bind(port: 0) else { break }
            if !promised.contains(port) { return port }
        }
        throw DeployError.noFreePort
    }

    /// The first port the kernel hands to outgoing connections (Linux: ip_local_port_range).
    private static func ephemeralRangeStart() -> Int {
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return range.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }

    /// Whether `port` can be listened on now.
    public static func isFree(_ port: Int) -> Bool { bind(port: port) != nil }

    /// Binds a socket to 127.0.0.1:`port`, reads back the port, and closes it.
    private static func bind(port: Int) -> Int? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        // nginx sets SO_REUSEADDR, so a port in TIME_WAIT is free for it; ask the same question.
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
