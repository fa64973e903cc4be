"""`planwatch review ...`: the review queue, decisions on facts, conflicts; `planwatch review
commitments ...`: the same decisions on commitments; `planwatch reextract`.

Each command is one Store call; a decision is printed as its JSON record."""

from __future__ import annotations

import typer

from ..errors import AccountError, QueryError
from .root import app
from .common import DB_OPTION, FORMAT_OPTION, REGION_OPTION, fail, open_store
from .output import Format, emit

review_app = typer.Typer(help="Review extracted facts: the queue, confirm, correct, reject, add, conflicts.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")

# Why only an admin's name: the command line opens the database directly and can authenticate
# nobody, so the name it records is only as good as the shell account running it. A reviewer
# decides on the web or through the API with a token, where they are who they logged in as;
# a decision written from the shell is attributed to an administrator, who answers for the
# installation. The name must be a current account: an existing, enabled admin.
ACTOR_OPTION = typer.Option(..., "--as", help="Who decides, recorded with the decision and in the audit log: the "
                                              "name of an existing, enabled admin account. The command line "
                                              "authenticates nobody, so it writes only under an admin's name; "
                                              "reviewers decide on the web or with their API token.")
EXPECTED_OPTION = typer.Option(None, "--expected", help="The fact's decision_id as you read it (0: unreviewed): "
                                                        "refused if someone decided on it since.")
QUEUE_COLUMNS = ("id", "doc", "region", "indicator", "role", "period", "measure", "comparator", "value", "unit",
                 "text", "confidence", "decisive")
COMMITMENT_QUEUE_COLUMNS = ("id", "doc", "region", "kind", "role", "period", "stage", "object", "action", "value",
                            "unit", "comparator")
PROGRESS_COLUMNS = ("scope", "key", "name", "reviewed", "total", "commitments_reviewed", "commitments_total")
DECISION_COLUMNS = ("subject", "id", "action", "indicator", "role", "period", "start", "end", "document_id", "actor",
                    "decided_at", "kind")
COMMITMENT_DECISION_COLUMNS = ("id", "action", "role", "period", "stage", "object", "start", "end", "document_id",
                               "actor", "decided_at")


@review_app.command("queue")
def queue_command(
    db: str | None = DB_OPTION,
    region: str | None = REGION_OPTION,
    document: int | None = typer.Option(None, "--document", help="Only this document (its id)."),
    indicator: str | None = typer.Option(None, "--indicator", help="Only this indicator's standard name."),
    limit: int = typer.Option(50, "--limit", min=1, max=10000, help="How many at most."),
    commitments: bool = typer.Option(False, "--commitments", help="Unreviewed commitments instead of facts."),
    fmt: Format = FORMAT_OPTION,
):
    """Unreviewed facts, weakest first: lowest confidence, then those a verdict reads; with
    --commitments, unreviewed commitments, promises first."""
    if commitments and indicator:
        fail(QueryError("--indicator chooses facts: leave it out with --commitments"))
    with open_store(db) as store:
        queue = store.review_queue(region=region, document_id=document, indicator=indicator, limit=limit)
    if commitments:
        emit(queue.to_dict()["commitments"], fmt, None if fmt is Format.jsonl else COMMITMENT_QUEUE_COLUMNS)
    else:
        emit(queue.to_dict()["facts"], fmt, None if fmt is Format.jsonl else QUEUE_COLUMNS)


@review_app.command("progress")
def progress_command(
    db: str | None = DB_OPTION,
    region: str | None = REGION_OPTION,
    document: int | None = typer.Option(None, "--document", help="Only this document (its id)."),
    fmt: Format = FORMAT_OPTION,
):
    """Reviewed facts of all and reviewed commitments of all, per region and per document."""
    with open_store(db) as store:
        progress = store.review_progress(region=region, document_id=document)
    emit((p.to_dict() for p in progress), fmt, None if fmt is Format.jsonl else PROGRESS_COLUMNS)


@review_app.command("confirm")
def confirm_command(fact_id: int = typer.Argument(..., help="The fact's id."), actor: str = ACTOR_OPTION,
                    expected: int | None = EXPECTED_OPTION, db: str | None = DB_OPTION):
    """The fact is right as it stands."""
    with open_store(db) as store:
        _print(store.confirm(fact_id, _admin(store, actor), expected))


@review_app.command("reject")
def reject_command(fact_id: int = typer.Argument(..., help="The fact's id."), actor: str = ACTOR_OPTION,
                   expected: int | None = EXPECTED_OPTION, db: str | None = DB_OPTION):
    """Not a fact: removed from every read and every later extraction of its document."""
    with open_store(db) as store:
        _print(store.reject(fact_id, _admin(store, actor), expected))


def _fields(indicator, role, period, measure, value, upper, unit, comparator, text, estimated, stretch,
            cumulative) -> dict:
    given = dict(indicator=indicator, role=role, period=period, measure=measure, value=value, upper=upper,
                 unit=unit, comparator=comparator, text=text, estimated=estimated, stretch=stretch,
                 cumulative=cumulative)
    return {name: value for name, value in given.items() if value is not None}


INDICATOR = typer.Option(None, "--indicator", help="Standard name from the catalogue.")
ROLE = typer.Option(None, "--role", help="target, actual or baseline.")
PERIOD = typer.Option(None, "--period", help="2023, 2023H1, 2023Q3, 2023M1-9 or 2021-2025.")
MEASURE = typer.Option(None, "--measure", help="level, growth or change.")
VALUE = typer.Option(None, "--value", help="The number, exactly as meant (7, 6.5).")
UPPER = typer.Option(None, "--upper", help="Upper bound of a range.")
UNIT = typer.Option(None, "--unit", help="%, 亿元, 万人 ...")
COMPARATOR = typer.Option(None, "--comparator", help="=, >=, >, <=, < or ~.")
TEXT = typer.Option(None, "--text", help="The words of a qualitative statement.")
ESTIMATED = typer.Option(None, "--estimated/--not-estimated", help="A result given as an estimate (预计).")
STRETCH = typer.Option(None, "--stretch/--not-stretch", help="A stretch target (力争).")
CUMULATIVE = typer.Option(None, "--cumulative/--not-cumulative", help="A total over the period ([累计]).")


@review_app.command("correct")
def correct_command(
    fact_id: int = typer.Argument(..., help="The fact's id."), actor: str = ACTOR_OPTION,
    indicator: str | None = INDICATOR, role: str | None = ROLE, period: str | None = PERIOD,
    measure: str | None = MEASURE, value: str | None = VALUE, upper: str | None = UPPER, unit: str | None = UNIT,
    comparator: str | None = COMPARATOR, text: str | None = TEXT, estimated: bool | None = ESTIMATED,
    stretch: bool | None = STRETCH, cumulative: bool | None = CUMULATIVE, expected: int | None = EXPECTED_OPTION,
    db: str | None = DB_OPTION,
):
    """Set the fields given; the others stay as they are."""
    fields = _fields(indicator, role, period, measure, value, upper, unit, comparator, text, estimated, stretch,
                     cumulative)
    with open_store(db) as store:
        _print(store.correct(fact_id, fields, _admin(store, actor), expected))


@review_app.command("add")
def add_command(
    document: int = typer.Option(..., "--document", help="The document's id."),
    start: int = typer.Option(..., "--start", help="Where the evidence begins in the document's text."),
    end: int = typer.Option(..., "--end", help="Where it ends (exclusive)."),
    actor: str = ACTOR_OPTION,
    indicator: str | None = INDICATOR, role: str | None = ROLE, period: str | None = PERIOD,
    measure: str | None = MEASURE, value: str | None = VALUE, upper: str | None = UPPER, unit: str | None = UNIT,
    comparator: str | None = COMPARATOR, text: str | None = TEXT, estimated: bool | None = ESTIMATED,
    stretch: bool | None = STRETCH, cumulative: bool | None = CUMULATIVE, db: str | None = DB_OPTION,
):
    """Add a fact the extraction missed, its evidence the words at START:END."""
    fields = _fields(indicator, role, period, measure, value, upper, unit, comparator, text, estimated, stretch,
                     cumulative)
    with open_store(db) as store:
        _print(store.add_fact(document, start, end, fields, _admin(store, actor)))


@review_app.command("conflicts")
def conflicts_command(db: str | None = DB_OPTION, fmt: Format = FORMAT_OPTION):
    """Decisions a later extraction disagrees with: settle each with `review settle`."""
    with open_store(db) as store:
        found = store.review_conflicts()
    records = [d.to_dict() | {"kind": d.conflict["kind"]} for d in found]
    emit(records, fmt, None if fmt is Format.jsonl else DECISION_COLUMNS)


@review_app.command("settle")
def settle_command(
    decision_id: int = typer.Argument(..., help="The decision's id (from `review conflicts`)."),
    keep: str = typer.Option(..., "--keep", help="decision (it stands) or extraction (withdraw it)."),
    actor: str = ACTOR_OPTION, db: str | None = DB_OPTION,
):
    """Settle a conflict between a decision and a later extraction."""
    with open_store(db) as store:
        _print(store.settle_conflict(decision_id, keep, _admin(store, actor)))


@review_app.command("withdraw")
def withdraw_command(
    decision_id: int = typer.Argument(..., help="The decision's id (from `review history`)."),
    actor: str = ACTOR_OPTION, db: str | None = DB_OPTION,
):
    """Undo a decision: its fact is again as extracted and unreviewed."""
    with open_store(db) as store:
        _print(store.withdraw(decision_id, _admin(store, actor)))


@review_app.command("history")
def history_command(
    db: str | None = DB_OPTION,
    document: int | None = typer.Option(None, "--document", help="Only decisions on this document's content."),
    fmt: Format = FORMAT_OPTION,
):
    """Every decision made, oldest first, with the fact before and after."""
    with open_store(db) as store:
        found = store.decisions(document_id=document, history=True)
    emit((d.to_dict() for d in found), fmt, None if fmt is Format.jsonl else DECISION_COLUMNS)


def _admin(store, name: str) -> str:
    """The name, if it is an existing, enabled admin's (see ACTOR_OPTION); AccountError otherwise."""
    from ..accounts import Accounts

    user = Accounts(store).user(name)
    if user.disabled:
        raise AccountError(f"user {user.name} is disabled: decisions are recorded under current accounts only")
    if user.role != "admin":
        raise AccountError(f"user {user.name} is a {user.role}, not an admin: the command line writes under an "
                           f"admin's name only (reviewers decide on the web or with their API token)")
    return user.name


@review_app.command("enter")
def enter_command(
    region: str = typer.Option(..., "--region", help="The region (e.g. 洪山区), one the store has documents of."),
    source: str = typer.Option(..., "--source", help="Where the figure comes from: who published it, where, when."),
    actor: str = ACTOR_OPTION,
    indicator: str | None = INDICATOR, role: str | None = ROLE, period: str | None = PERIOD,
    measure: str | None = MEASURE, value: str | None = VALUE, upper: str | None = UPPER, unit: str | None = UNIT,
    comparator: str | None = COMPARATOR, text: str | None = TEXT, estimated: bool | None = ESTIMATED,
    db: str | None = DB_OPTION,
):
    """Manual entry (填报): a figure no stored document states, with its written source; counted like any fact."""
    fields = _fields(indicator, role, period, measure, value, upper, unit, comparator, text, estimated, None, None)
    with open_store(db) as store:
        decision, fact_id = store.enter_fact(region, fields, source, _admin(store, actor))
    emit([decision.to_dict() | {"fact_id": fact_id}], Format.jsonl)


def _print(decision) -> None:
    emit([decision.to_dict()], Format.jsonl)


# ---- commitments: the same decisions, on a commitment's id (`planwatch commitments --format jsonl` shows it)

commitments_app = typer.Typer(help="Review extracted commitments (tasks and projects): confirm, correct, reject, "
                                   "add, settle, withdraw, history. Their conflicts are listed by `review conflicts`.",
                              no_args_is_help=True)
review_app.add_typer(commitments_app, name="commitments")
COMMITMENT_ID = typer.Argument(..., help="The commitment's id.")
KIND = typer.Option(None, "--kind", help="task or project.")
C_ROLE = typer.Option(None, "--role", help="target or actual.")
OBJECT = typer.Option(None, "--object", help="What is counted, as written (充电桩).")
STAGE = typer.Option(None, "--stage", help="start, finish or other.")
VERB = typer.Option(None, "--action", help="The verb as written (新建, 开工建设).")
MONEY = typer.Option(None, "--money", help="Money tied to the statement, in 亿元.")
NAMES = typer.Option(None, "--names", help="The named items, separated by 、 (an empty text clears them).")
RESPONSIBLE = typer.Option(None, "--responsible", help="The responsible unit.")


def _commitment_fields(kind, role, period, obj, stage, action, value, upper, unit, comparator, money, names,
                       responsible) -> dict:
    given = dict(kind=kind, role=role, period=period, object=obj, stage=stage, action=action, value=value,
                 upper=upper, unit=unit, comparator=comparator, money=money, names=names, responsible=responsible)
    return {name: value for name, value in given.items() if value is not None}


@commitments_app.command("confirm")
def confirm_commitment(commitment_id: int = COMMITMENT_ID, actor: str = ACTOR_OPTION,
                       expected: int | None = EXPECTED_OPTION, db: str | None = DB_OPTION):
    """The commitment is right as it stands."""
    with open_store(db) as store:
        _print(store.confirm(commitment_id, _admin(store, actor), expected, what="commitment"))


@commitments_app.command("reject")
def reject_commitment(commitment_id: int = COMMITMENT_ID, actor: str = ACTOR_OPTION,
                      expected: int | None = EXPECTED_OPTION, db: str | None = DB_OPTION):
    """Not a commitment: removed from statuses, projects, pages, exports and every later extraction."""
    with open_store(db) as store:
        _print(store.reject(commitment_id, _admin(store, actor), expected, what="commitment"))


@commitments_app.command("correct")
def correct_commitment(
    commitment_id: int = COMMITMENT_ID, actor: str = ACTOR_OPTION, kind: str | None = KIND,
    role: str | None = C_ROLE, period: str | None = PERIOD, obj: str | None = OBJECT, stage: str | None = STAGE,
    action: str | None = VERB, value: str | None = VALUE, upper: str | None = UPPER, unit: str | None = UNIT,
    comparator: str | None = COMPARATOR, money: str | None = MONEY, names: str | None = NAMES,
    responsible: str | None = RESPONSIBLE, expected: int | None = EXPECTED_OPTION, db: str | None = DB_OPTION,
):
    """Set the fields given; the others stay as they are."""
    fields = _commitment_fields(kind, role, period, obj, stage, action, value, upper, unit, comparator, money, names,
                                responsible)
    with open_store(db) as store:
        _print(store.correct(commitment_id, fields, _admin(store, actor), expected, what="commitment"))


@commitments_app.command("add")
def add_commitment(
    document: int = typer.Option(..., "--document", help="The document's id."),
    start: int = typer.Option(..., "--start", help="Where the evidence begins in the document's text."),
    end: int = typer.Option(..., "--end", help="Where it ends (exclusive)."),
    actor: str = ACTOR_OPTION, kind: str | None = KIND, role: str | None = C_ROLE, period: str | None = PERIOD,
    obj: str | None = OBJECT, stage: str | None = STAGE, action: str | None = VERB, value: str | None = VALUE,
    upper: str | None = UPPER, unit: str | None = UNIT, comparator: str | None = COMPARATOR,
    money: str | None = MONEY, names: str | None = NAMES, responsible: str | None = RESPONSIBLE,
    db: str | None = DB_OPTION,
):
    """Add a commitment the extraction missed (kind, role, period, object, stage required), its evidence START:END."""
    fields = _commitment_fields(kind, role, period, obj, stage, action, value, upper, unit, comparator, money, names,
                                responsible)
    with open_store(db) as store:
        _print(store.add_commitment(document, start, end, fields, _admin(store, actor)))


@commitments_app.command("settle")
def settle_commitment(
    decision_id: int = typer.Argument(..., help="The decision's id (from `review conflicts`, subject commitment)."),
    keep: str = typer.Option(..., "--keep", help="decision (it stands) or extraction (withdraw it)."),
    actor: str = ACTOR_OPTION, db: str | None = DB_OPTION,
):
    """Settle a conflict between a decision on a commitment and a later extraction."""
    with open_store(db) as store:
        _print(store.settle_conflict(decision_id, keep, _admin(store, actor), what="commitment"))


@commitments_app.command("withdraw")
def withdraw_commitment(
    decision_id: int = typer.Argument(..., help="The decision's id (from `review commitments history`)."),
    actor: str = ACTOR_OPTION, db: str | None = DB_OPTION,
):
    """Undo a decision: its commitment is again as extracted and unreviewed."""
    with open_store(db) as store:
        _print(store.withdraw(decision_id, _admin(store, actor), what="commitment"))


@commitments_app.command("history")
def commitment_history(
    db: str | None = DB_OPTION,
    document: int | None = typer.Option(None, "--document", help="Only decisions on this document's content."),
    fmt: Format = FORMAT_OPTION,
):
    """Every decision made on commitments, oldest first, with the commitment before and after."""
    with open_store(db) as store:
        found = store.decisions(document_id=document, history=True, what="commitment")
    emit((d.to_dict() for d in found), fmt, None if fmt is Format.jsonl else COMMITMENT_DECISION_COLUMNS)


@app.command("reextract")
def reextract_command(db: str | None = DB_OPTION, region: str | None = REGION_OPTION):
    """Extract the stored documents (latest versions) again from their kept files; review decisions are kept."""
    with open_store(db) as store:
        report = store.reextract(region=region)
        conflicts = len(store.review_conflicts())
    for path, reason in report.failures:
        typer.echo(f"error {path}: {reason}", err=True)
    typer.echo(f"refreshed {report.refreshed}, facts {report.facts}, failures {len(report.failures)}, "
               f"review conflicts {conflicts}")
    if report.failures:
        raise typer.Exit(1)
