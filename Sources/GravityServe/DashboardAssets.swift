import Foundation
import GravityReport
import Mustache

/// The dashboard's own files, compiled into the binary.
enum DashboardAssets {
    /// The report's styles (vote colours, tables) and the dashboard's.
    static let styles = Data((ReportPage.styles + "\n" + String(decoding: PackageResources.dashboard_css, as: UTF8.self)).utf8)
    static let liveScript = Data(PackageResources.live_js)

}
