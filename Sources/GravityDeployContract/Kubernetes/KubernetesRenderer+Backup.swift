extension KubernetesRenderer {
    /// A service's backups: a CronJob that runs the image's backup command on a schedule, writing to
    /// a volume of its own. A service on SQLite mounts its data volume too; the claim is
    /// ReadWriteOnce, so the job's pod runs on the node that holds it (one node, or a storage class
    /// that allows it).
    static func backup(_ service: ContainerService, schedule: String, of app: ContainerApp) -> [YAMLValue] {
        let name = "\(service.kubernetesName)-backup"
        var mounts: [YAMLValue] = [.map([("name", .text("backups")), ("mountPath", .text("/backups"))])]
        var volumes: [YAMLValue] = [.map([("name", .text("backups")), ("persistentVolumeClaim", .map([("claimName", .text("\(name)s"))]))])]
        if service.dataVolume {
            mounts.append(.map([("name", .text("data")), ("mountPath", .text("/data"))]))
            let claim: YAMLValue = .map([("claimName", .text("\(service.kubernetesName)-data"))])
            volumes.append(.map([("name", .text("data")), ("persistentVolumeClaim", claim)]))
        }
        let container: YAMLValue = .map(
            [("name", .text(name)), ("image", .text(service.image)), ("command", .texts(["python", "-m", "app.backup", "/backups"]))]
                + environment(service, of: app) + [("volumeMounts", .list(mounts))]
        )
        let pod: YAMLValue = .map(
            podSecurity(service) + [("restartPolicy", .text("OnFailure")), ("containers", .list([container])), ("volumes", .list(volumes))]
        )
        let job: YAMLValue = .map([("backoffLimit", .number(2)), ("template", .map([("spec", pod)]))])
        let cronJob: YAMLValue = .map([
            ("apiVersion", .text("batch/v1")), ("kind", .text("CronJob")),
            ("metadata", metadata(name, named(name) + partOf(app))),
            (
                "spec",
                .map([
                    ("schedule", .text(schedule)),
                    // A backup still running when the next is due is left to finish; the next waits a day.
                    ("concurrencyPolicy", .text("Forbid")),
                    ("successfulJobsHistoryLimit", .number(3)), ("failedJobsHistoryLimit", .number(3)),
                    ("jobTemplate", .map([("spec", job)])),
                ])
            ),
        ])
        return [cronJob, volumeClaim("\(name)s", size: "5Gi", of: app)]
    }
}
