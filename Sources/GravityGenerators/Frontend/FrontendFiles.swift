import GravityModel

/// The frontend's files, while its generator is written: a placeholder page.
enum FrontendFiles {
    static func make(_ model: AppModel) -> [GeneratedFile] {
        [
            GeneratedFile(
                path: "frontend/index.html",
                contents:
                    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>app</title></head><body><main></main></body></html>\n"
            )
        ]
    }
}
