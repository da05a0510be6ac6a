// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gravity-team",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gravity-team", targets: ["GravityTeamCLI"]),
        .library(name: "GravityModel", targets: ["GravityModel"]),
        .library(name: "GravityRuntime", targets: ["GravityRuntime"]),
        .library(name: "GravityDeployContract", targets: ["GravityDeployContract"]),
        .library(name: "GravityGenerators", targets: ["GravityGenerators"]),
        .library(name: "GravityOrchestration", targets: ["GravityOrchestration"]),
        .library(name: "GravityWorkflows", targets: ["GravityWorkflows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The dashboard's HTTP server: async/await on the system's sockets (epoll), no SwiftNIO, so it
        // adds seconds to a clean build where Hummingbird's NIO stack adds minutes to CI.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // The personas, industries, prompts and prices compiled into the binary, so it runs from
        // wherever it is copied (the EmbedData plugin reads them with gravity-embed at build time).
        .executableTarget(name: "GravityEmbed"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["GravityEmbed"]),
        .target(name: "GravityData", plugins: ["EmbedData"]),
        .target(
            name: "GravityModel",
            dependencies: ["GravityData", .product(name: "Yams", package: "Yams")]
        ),
        // The deploy contract: manifests, the gateway template, the Compose and Kubernetes renderers.
        .target(
            name: "GravityDeployContract",
            dependencies: ["GravityModel", .product(name: "Yams", package: "Yams")]
        ),
        // The bottom layer: processes, HTTP fetch, digests, file locks, the Python environment.
        .target(
            name: "GravitySystem",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "GravityRuntime",
            dependencies: [
                "GravityModel", "GravitySystem",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GravityGenerators",
            dependencies: ["GravityModel", "GravityDeployContract", .product(name: "Mustache", package: "swift-mustache")],
            // Generated source kept as the files it produces, compiled into the binary (no resource
            // folder beside it, which a copied binary would not find).
            resources: [
                .embedInCode("Templates/frontend/app.js"),
                .embedInCode("Templates/frontend/index.html"),
                .embedInCode("Templates/frontend/styles.css"),
                .embedInCode("Templates/backend/Dockerfile.mustache"),
                .embedInCode("Templates/app/locustfile.py.mustache"),
                .embedInCode("Templates/app/ci.yml.mustache"),
                .embedInCode("Templates/backend/pytest.ini.mustache"),
                .embedInCode("Templates/backend/tests/lifecycle_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/stock_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/schedule_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/claim_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/placed_lines_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/placement_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/balance_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/posting_tests.py.mustache"),
                .embedInCode("Templates/backend/app/config.py.mustache"),
                .embedInCode("Templates/backend/app/database.py.mustache"),
                .embedInCode("Templates/backend/app/security.py"),
                .embedInCode("Templates/backend/app/search.py"),
                .embedInCode("Templates/backend/app/paging.py"),
                .embedInCode("Templates/backend/app/clients.py.mustache"),
                .embedInCode("Templates/backend/app/migrate.py"),
                .embedInCode("Templates/backend/app/request_log.py"),
                .embedInCode("Templates/backend/app/json_logs.py"),
                .embedInCode("Templates/backend/app/docs.py"),
                .embedInCode("Templates/backend/app/backup.py.mustache"),
                .embedInCode("Templates/backend/app/audit.py.mustache"),
                .embedInCode("Templates/backend/app/routes/audit_routes.py.mustache"),
                .embedInCode("Templates/backend/app/main.py.mustache"),
                .embedInCode("Templates/backend/app/models.py.mustache"),
                .embedInCode("Templates/backend/app/schemas.py.mustache"),
                .embedInCode("Templates/backend/app/routes/entity.py.mustache"),
                .embedInCode("Templates/backend/identity/app/identity_schemas.py.mustache"),
                .embedInCode("Templates/backend/identity/app/passwords.py"),
                .embedInCode("Templates/backend/identity/app/throttle.py"),
                .embedInCode("Templates/backend/identity/app/routes/accounts.py.mustache"),
                .embedInCode("Templates/backend/tests/conftest.py.mustache"),
                .embedInCode("Templates/backend/tests/test_health.py.mustache"),
                .embedInCode("Templates/backend/tests/test_database.py"),
                .embedInCode("Templates/backend/tests/test_migrate.py"),
                .embedInCode("Templates/backend/tests/test_cors.py.mustache"),
                .embedInCode("Templates/backend/tests/test_no_card_data.py.mustache"),
                .embedInCode("Templates/backend/tests/test_request_log.py.mustache"),
                .embedInCode("Templates/backend/tests/test_json_logs.py.mustache"),
                .embedInCode("Templates/backend/tests/test_openapi.py.mustache"),
                .embedInCode("Templates/backend/tests/test_backup.py.mustache"),
                .embedInCode("Templates/backend/tests/test_audit.py.mustache"),
                .embedInCode("Templates/backend/tests/test_accounts.py.mustache"),
                .embedInCode("Templates/backend/tests/entity_tests.py.mustache"),
                .embedInCode("Templates/backend/tests/test_fuzz.py.mustache"),
                .embedInCode("Templates/database/initial.sql.mustache"),
                .embedInCode("Templates/database/table.sql.mustache"),
                .embedInCode("Templates/database/search.sql.mustache"),
                .embedInCode("Templates/database/forward.sql.mustache"),
                .embedInCode("Templates/database/seed.sql.mustache"),
            ]
        ),
        .target(
            name: "GravityOrchestration",
            dependencies: [
                "GravityModel", "GravityDeployContract", "GravitySystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The measuring code of every benchmark `gravity-team bench` runs.
        .target(
            name: "GravityBenchmarks",
            dependencies: [
                "GravitySystem", "GravityModel", "GravityRuntime", "GravityGenerators", "GravityOrchestration",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // A run's report: one self-contained HTML page read from its transcript.
        .target(
            name: "GravityReport",
            dependencies: ["GravityModel", "GravityRuntime", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/report.html.mustache"),
                .embedInCode("Templates/report.css"),
            ]
        ),
        // `gravity-team serve`: the runs, their reports, a run followed live, the deployed apps.
        .target(
            name: "GravityServe",
            dependencies: [
                "GravityModel", "GravityRuntime", "GravityOrchestration", "GravityReport", "GravityWorkflows",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [
                .embedInCode("Templates/index.html.mustache"),
                .embedInCode("Templates/live.html.mustache"),
                .embedInCode("Templates/live.js"),
                .embedInCode("Templates/dashboard.css"),
            ]
        ),
        // What a user asks for (develop, resume, replay, generate, verify, deploy), between the CLI and the rest.
        .target(
            name: "GravityWorkflows",
            dependencies: [
                "GravitySystem", "GravityModel", "GravityDeployContract", "GravityRuntime", "GravityGenerators", "GravityOrchestration",
                "GravityReport",
            ]
        ),
        .executableTarget(
            name: "GravityTeamCLI",
            dependencies: [
                "GravitySystem", "GravityModel", "GravityDeployContract", "GravityRuntime", "GravityGenerators", "GravityOrchestration",
                "GravityWorkflows", "GravityBenchmarks", "GravityReport", "GravityServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share (test targets cannot import one another).
        .target(
            name: "GravityTestSupport",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Tests/GravityTestSupport"
        ),
        .testTarget(name: "GravityModelTests", dependencies: ["GravityModel"]),
        .testTarget(name: "GravityRuntimeTests", dependencies: ["GravityModel", "GravityRuntime", "GravitySystem", "GravityBenchmarks"]),
        .testTarget(
            name: "GravityGeneratorsTests",
            dependencies: [
                "GravitySystem",
                "GravityModel", "GravityDeployContract", "GravityGenerators", "GravityRuntime", "GravityTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GravityOrchestrationTests",
            dependencies: [
                "GravitySystem",
                "GravityModel", "GravityDeployContract", "GravityOrchestration", "GravityGenerators", "GravityRuntime",
                "GravityTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GravityWorkflowsTests",
            dependencies: [
                "GravityModel", "GravityRuntime", "GravityOrchestration", "GravitySystem", "GravityWorkflows", "GravityReport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "GravityTeamCLITests",
            dependencies: [
                "GravitySystem",
                "GravityModel", "GravityDeployContract", "GravityRuntime", "GravityOrchestration", "GravityTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
