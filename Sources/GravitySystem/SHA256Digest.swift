import Crypto
import Foundation

/// SHA-256 fingerprints, as lowercase hex.
public enum SHA256Digest {
    public static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    public static func hex(_ text: String) -> String { hex(Data(text.utf8)) }
}
