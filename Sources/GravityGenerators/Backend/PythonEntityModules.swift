import GravityModel

/// The per-entity code of a service: ORM models, Pydantic schemas and one CRUD router each.
struct PythonEntityModules {
    let model: AppModel
    let service: AppModel.Service

    var models: String {
        var lines = [
            "\"\"\"Tables of the \(service.name) service, matching db/migrations.\"\"\"",
            "",
            "from datetime import date, datetime",
            "from decimal import Decimal",
            "",
            "from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, Numeric, String, Text, func",
            "from sqlalchemy.orm import Mapped, mapped_column",
            "",
            "from app.database import Base",
        ]
        for entity in MigrationGenerator.orderedByReferences(service.entities) {
            lines += ["", "", "class \(entity.className)(Base):", "    __tablename__ = \(PythonTypes.pythonString(entity.table))", ""]
            for column in entity.columns {
                var arguments: [String] = []
                if column.primaryKey {
                    lines.append("    id: Mapped[int] = mapped_column(Integer, primary_key=True)")
                    continue
                }
                if let reference = column.references {
                    arguments.append("ForeignKey(\(PythonTypes.pythonString("\(reference.plural).id")), ondelete=\"RESTRICT\")")
                } else {
                    arguments.append(PythonTypes.sqlAlchemyType(column))
                }
                arguments.append("nullable=\(column.nullable ? "True" : "False")")
                if column.unique { arguments.append("unique=True") }
                if column.indexed && !column.unique { arguments.append("index=True") }
                if column.name == "created_at" && column.isAudit { arguments.append("server_default=func.now()") }
                if column.name == "updated_at" && column.isAudit { arguments += ["server_default=func.now()", "onupdate=func.now()"] }
                lines.append(
                    "    \(column.name): Mapped[\(PythonTypes.mappedType(column))] = mapped_column(\(arguments.joined(separator: ", ")))"
                )
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    var schemas: String {
        var lines = [
            "\"\"\"Request and response bodies of the \(service.name) service.\"\"\"",
            "",
            "from datetime import date, datetime, timezone",
            "from typing import Annotated, Literal",
            "",
            "from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints",
            "",
            "# The largest INTEGER every database here stores (PostgreSQL's is 32 bits).",
            "MAX_INTEGER = 2_147_483_647",
            "# The largest value a NUMERIC(12, 2) column holds.",
            "MAX_DECIMAL = 9_999_999_999.99",
            "# No text may hold a NUL character: PostgreSQL cannot store one.",
            #"NO_NUL = r"^[^\x00]*$""#,
            "",
            "",
            "def contains_pattern(text: str) -> str:",
            "    \"\"\"A LIKE pattern for text anywhere in a value: a % or _ that a user types matches only itself.\"\"\"",
            #"    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%""#,
            "",
            "",
            "def _in_utc(value: datetime) -> datetime:",
            "    \"\"\"A time with an offset is stored in UTC without one: SQLite would drop the offset, PostgreSQL convert it.\"\"\"",
            "    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value",
            "",
            "",
            "UtcDateTime = Annotated[datetime, AfterValidator(_in_utc)]",
        ]
        for entity in service.entities {
            let inputs = entity.inputColumns
            lines += [
                "", "", "class \(entity.className)In(BaseModel):",
                "    \"\"\"What a client sends to create or replace a \(entity.name).\"\"\"", "",
            ]
            lines.append("    model_config = ConfigDict(extra=\"forbid\")")
            lines.append("")
            for column in inputs { lines.append("    \(column.name): \(PythonTypes.schemaType(column))") }
            lines += [
                "", "", "class \(entity.className)Out(\(entity.className)In):", "    model_config = ConfigDict(from_attributes=True)", "",
                "    id: int",
            ]
            for column in entity.columns where column.isAudit { lines.append("    \(column.name): datetime | None = None") }
            lines += [
                "", "", "class \(entity.className)Page(BaseModel):", "    items: list[\(entity.className)Out]", "    total: int",
                "    page: int", "    page_size: int",
            ]
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// Columns a list can be filtered on by exact value.
    static func filterable(_ entity: AppModel.Entity) -> [AppModel.Column] {
        entity.inputColumns.filter {
            [.string, .email, .choice, .integer, .boolean].contains($0.type) || $0.references != nil || $0.external != nil
        }
    }

    func router(for entity: AppModel.Entity) -> String {
        let path = "\(service.apiPrefix)/\(entity.plural)"
        let readGuard = entity.publicRead ? "" : ", _reader: Principal = Depends(current_principal)"
        let writers = entity.writers.map(PythonTypes.pythonString).joined(separator: ", ")
        let writeGuard = "writer: Principal = Depends(require_roles(\(writers)))"
        let filters = Self.filterable(entity)
        let filterParameters = filters.map { column -> String in
            let type: String
            switch column.type {
            case .integer: type = "int"
            case .boolean: type = "bool"
            default: type = column.references != nil || column.external != nil ? "int" : "str"
            }
            let bounds = type == "int" ? ", ge=-MAX_INTEGER, le=MAX_INTEGER" : type == "str" ? ", pattern=NO_NUL" : ""
            return "    filter_\(column.name): \(type) | None = Query(None, alias=\(PythonTypes.pythonString(column.name))\(bounds)),"
        }
        let filterClauses = filters.map { column in
            // Emails are stored lowercased, so a filter finds them whatever case it is typed in.
            let value = column.type == .email
                ? "filter_\(column.name).strip().lower() if filter_\(column.name) is not None else None" : "filter_\(column.name)"
            return "        (\(entity.className).\(column.name), \(value)),"
        }
        let searchable = entity.inputColumns.filter { [.string, .text, .email].contains($0.type) }
        let search = searchable.map { "\(entity.className).\($0.name).ilike(pattern, escape=\"\\\\\")" }.joined(separator: ", ")
        var referenceChecks: [String] = []
        if let column = entity.ownerEmail {
            // Else a customer could take another person's email for a profile, and learn from the 409
            // whether that email has one.
            let guardNone = column.nullable ? "payload.\(column.name) is not None and " : ""
            referenceChecks.append(
                "    if writer.role == OWNER_ROLE and \(guardNone)payload.\(column.name) != writer.email:\n"
                    + "        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, \"\(column.name): must be the email of your own account\")"
            )
        }
        for column in entity.inputColumns {
            let guardNone = column.nullable ? "if payload.\(column.name) is not None and " : "if "
            if let reference = column.references, let target = service.entity(referencedBy: column) {
                // A record another account owns is as absent to the writer as one that does not exist.
                let absent =
                    target.ownedBy.map { role in
                        "not _referable(session.get(\(target.className), payload.\(column.name)), writer, \(PythonTypes.pythonString(role)))"
                    } ?? "session.get(\(target.className), payload.\(column.name)) is None"
                referenceChecks.append(
                    "    \(guardNone)\(absent):\n"
                        + "        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f\"\(column.name): no \(reference.entity) {payload.\(column.name)}\")"
                )
            }
            if let external = column.external, let other = model.service(external.service) {
                referenceChecks.append(
                    "    \(guardNone)not request.app.state.clients[\(PythonTypes.pythonString(external.service))].exists(f\"\(other.apiPrefix)/\(external.plural)/{payload.\(column.name)}\", writer.token):\n"
                        + "        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f\"\(column.name): no \(external.entity) {payload.\(column.name)} in the \(external.service) service\")"
                )
            }
        }
        let referencesOwned = entity.inputColumns.contains { column in
            service.entity(referencedBy: column)?.ownedBy != nil
        }
        let referable =
            referencesOwned
            ? """



            def _referable(record, principal: Principal, owner_role: str) -> bool:
                \"\"\"Whether the caller may point at `record`: it exists and, for an owner, is its own.\"\"\"
                return record is not None and (principal.role != owner_role or record.\(AppModel.Entity.ownerColumn) == principal.subject)
            """ : ""
        let referencedModels = Set(
            entity.inputColumns.compactMap { service.entity(referencedBy: $0)?.className }
        ).subtracting([entity.className]).sorted()
        let modelImports = ([entity.className] + referencedModels).joined(separator: ", ")
        let owner = AppModel.Entity.ownerColumn
        let ownership =
            entity.ownedBy.map { role in
                """

                # Accounts of this role see and change only the records they created.
                OWNER_ROLE = \(PythonTypes.pythonString(role))


                def _may_see(item: \(entity.className), principal: Principal) -> bool:
                    return principal.role != OWNER_ROLE or item.\(owner) == principal.subject

                """
            } ?? ""
        let hiddenFromReader = entity.ownedBy == nil ? "" : " or not _may_see(item, _reader)"
        let hiddenFromWriter = entity.ownedBy == nil ? "" : " or not _may_see(item, writer)"
        let ownListOnly =
            entity.ownedBy == nil
            ? "" : "\n    if _reader.role == OWNER_ROLE:\n        query = query.where(\(entity.className).\(owner) == _reader.subject)"
        let recordOwner =
            entity.ownedBy == nil ? "" : "\n    item.\(owner) = writer.subject if writer.role == OWNER_ROLE else None"
        return """
            \"\"\"\(entity.label): list, read, create, replace and delete.\"\"\"

            import logging
            from typing import Annotated

            from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
            from sqlalchemy import func, or_, select
            from sqlalchemy.exc import IntegrityError
            from sqlalchemy.orm import Session

            from app.database import get_session
            from app.models import \(modelImports)
            from app.schemas import MAX_INTEGER, NO_NUL, contains_pattern, \(entity.className)In, \(entity.className)Out, \(entity.className)Page
            from app.security import Principal, current_principal, require_roles

            router = APIRouter(prefix="\(path)", tags=[\(PythonTypes.pythonString(entity.plural))])

            # An id the database cannot hold is a 422, not an overflow deep in the driver.
            ItemId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]
            \(ownership)

            @router.get("", response_model=\(entity.className)Page)
            def list_\(entity.plural)(
                request: Request,
                page: int = Query(1, ge=1, le=MAX_INTEGER),
                page_size: int | None = Query(None, ge=1, le=200),
                q: str | None = Query(None, max_length=100, pattern=NO_NUL, description="Text to search for"),
            \(filterParameters.joined(separator: "\n"))
                session: Session = Depends(get_session)\(readGuard),
            ):
                size = page_size or request.app.state.settings.page_size
                query = select(\(entity.className))
                for column, value in (
            \(filterClauses.joined(separator: "\n"))
                ):
                    if value is not None:
                        query = query.where(column == value)\(ownListOnly)
                if q\(search.isEmpty ? " and False" : ""):
                    pattern = contains_pattern(q)
                    query = query.where(or_(\(search.isEmpty ? "False" : search)))
                total = session.scalar(select(func.count()).select_from(query.subquery()))
                items = session.scalars(query.order_by(\(entity.className).id).offset((page - 1) * size).limit(size)).all()
                return \(entity.className)Page(items=items, total=total, page=page, page_size=size)


            @router.get("/{item_id}", response_model=\(entity.className)Out)
            def get_\(entity.name)(item_id: ItemId, session: Session = Depends(get_session)\(readGuard)):
                item = session.get(\(entity.className), item_id)
                if item is None\(hiddenFromReader):
                    raise HTTPException(status.HTTP_404_NOT_FOUND, f"no \(entity.name) {item_id}")
                return item


            def _check_payload(payload: \(entity.className)In, session: Session, request: Request, writer: Principal) -> None:
            \(referenceChecks.isEmpty ? "    return None" : referenceChecks.joined(separator: "\n"))\(referable)


            def _save(session: Session, item: \(entity.className)) -> \(entity.className):
                try:
                    session.commit()
                except IntegrityError as error:
                    session.rollback()
                    # The database's own words stay in the log: they name tables and constraints.
                    logging.getLogger(__name__).info("409: %s", error.orig)
                    raise HTTPException(status.HTTP_409_CONFLICT, "conflicts with the stored \(entity.plural): a value that must be unique is taken, or a reference does not hold")
                session.refresh(item)
                return item


            @router.post("", response_model=\(entity.className)Out, status_code=status.HTTP_201_CREATED)
            def create_\(entity.name)(payload: \(entity.className)In, request: Request, session: Session = Depends(get_session), \(writeGuard)):
                _check_payload(payload, session, request, writer)
                item = \(entity.className)(**payload.model_dump())\(recordOwner)
                session.add(item)
                return _save(session, item)


            @router.put("/{item_id}", response_model=\(entity.className)Out)
            def replace_\(entity.name)(item_id: ItemId, payload: \(entity.className)In, request: Request, session: Session = Depends(get_session), \(writeGuard)):
                item = session.get(\(entity.className), item_id)
                if item is None\(hiddenFromWriter):
                    raise HTTPException(status.HTTP_404_NOT_FOUND, f"no \(entity.name) {item_id}")
                _check_payload(payload, session, request, writer)
                for name, value in payload.model_dump().items():
                    setattr(item, name, value)
                return _save(session, item)


            @router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
            def delete_\(entity.name)(item_id: ItemId, session: Session = Depends(get_session), \(writeGuard)):
                item = session.get(\(entity.className), item_id)
                if item is None\(hiddenFromWriter):
                    raise HTTPException(status.HTTP_404_NOT_FOUND, f"no \(entity.name) {item_id}")
                session.delete(item)
                try:
                    session.commit()
                except IntegrityError:
                    session.rollback()
                    raise HTTPException(status.HTTP_409_CONFLICT, f"\(entity.name) {item_id} is still referenced")
                return Response(status_code=status.HTTP_204_NO_CONTENT)

            """
    }
}
