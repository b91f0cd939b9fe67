"""The ``clean-article`` command: flags in, one Options + Settings out, the library does the rest.

No cleaning logic lives here. Exit codes: 0 every input cleaned, 1 some input
failed (each named on stderr in one line), 2 a usage error.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

from .gcpause import paused

# What the command loads lives as long as its process: no collection walks it (start-up time);
# dataclasses too (with inspect, ast, dis and tokenize, which it imports).
with paused(freeze=True):
    from dataclasses import replace

    import click

    from . import __version__
    from .batch import (
        DEFAULT_GLOBS,
        DEFAULT_TIMEOUT,
        STDIN_NAME,
        Plan,
        PlanError,
        Settings,
        Sources,
        Task,
        default_jobs,
        execute,
        one_line,
        plan,
    )
    from .config import find_config, load_config
    from .containers import DEFAULT_ID_FIELD, DEFAULT_URL_FIELD, INPUT_FORMATS, JSONL_FIELDS
    from .document import Frozen
    from .errors import CleanerError, ConfigError, UnknownStageError
    from .options import DEFAULT_MAX_BYTES, MODES, Options
    from .readers import READ_AS
    from .writers import FORMATS

if TYPE_CHECKING:
    from .distributed import DaskEngine
    from .pipeline import Pipeline

PROG = "clean-article"

#: ``--engine``: worker processes here, or a Dask cluster.
ENGINES = ("local", "dask")

#: Set this environment variable to see the traceback of an internal error.
DEBUG_ENV = "CLEAN_ARTICLE_DEBUG"

#: Size suffixes accepted by ``--max-bytes``.
_UNITS = {"": 1, "B": 1, "K": 10**3, "KB": 10**3, "M": 10**6, "MB": 10**6, "G": 10**9, "GB": 10**9}
_UNITS.update(KIB=2**10, MIB=2**20, GIB=2**30)


def _byte_size(_ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """``--max-bytes``: a byte count such as ``5000000``, ``5M``, ``512kB`` or ``1GiB``."""
    if value is None:
        return None
    text = value.strip().upper().replace("_", "")
    number = text.rstrip("KMGIB")
    try:
        size = int(float(number) * _UNITS[text[len(number) :]])
    except (ValueError, KeyError):
        raise click.BadParameter(f"{value!r} is not a size (try 5000000, 5M or 512kB)", param=param) from None
    if size <= 0:
        raise click.BadParameter("must be positive", param=param)
    return size


def _names(values: tuple[str, ...] | str | None) -> tuple[str, ...]:
    """Stage names from ``a,b,c`` strings (repeatable options give several)."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = (values,)
    return tuple(n.strip() for v in values for n in v.split(",") if n.strip())


def _list_stages(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .pipeline import DEFAULT
    from .stage import all_stages

    stages = all_stages()
    order = [n for n in DEFAULT if n in stages] + sorted(n for n in stages if n not in DEFAULT)
    width = max((len(n) for n in order), default=0)
    for name in order:
        note = "" if name in DEFAULT else "  (not in the default pipeline)"
        click.echo(f"{name:<{width}}  {stages[name].summary()}{note}")
    ctx.exit(0)


def _options(config: str | None, mode: str | None, max_bytes: int | None) -> Options:
    """Options from the config file (or pyproject.toml), then the flags on top."""
    try:
        fields = load_config(config) if config else find_config(".")[1]
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if mode is not None:
        fields["mode"] = mode
    if max_bytes is not None:
        fields["max_bytes"] = max_bytes
    return Options(**fields)


def _is_tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _stdin_is_tty() -> bool:
    return _is_tty(sys.stdin)


def _stderr_is_tty() -> bool:
    return _is_tty(sys.stderr)


def _explain_stream(target: str | None, data_on_stdout: bool) -> tuple[TextIO, bool]:
    """Where ``--explain`` goes (stderr by default) and whether to colour it."""
    if target is None:
        stream: TextIO = sys.stderr
    elif target == "-":
        if data_on_stdout:
            raise click.BadParameter(
                "stdout carries the cleaned output; use -o to move it first", param_hint="--explain-to"
            )
        stream = sys.stdout
    else:
        try:
            stream = open(target, "w", encoding="utf-8")  # noqa: SIM115 - closed in main
        except OSError as exc:
            raise click.BadParameter(f"{target}: {exc.strerror}", param_hint="--explain-to") from None
    return stream, _is_tty(stream)


# --- crawl-scale options: containers, shards, resumable runs ---

_DEFAULT_SOURCES = Sources()


class BatchFlags(Frozen):
    """The options of crawl-scale runs, as parsed; how inputs are read is a :class:`Sources`.

    (A :class:`~cleaner.document.Frozen` record, as :class:`ScaleFlags`: defining a
    frozen dataclass or a NamedTuple costs start-up ~1 M instructions.)
    """

    __slots__ = ("sources", "shard_size", "resume", "report_to", "timeout", "read_as")
    __match_args__ = ("sources", "shard_size", "resume", "report_to", "timeout", "read_as")

    sources: Sources
    shard_size: int | None
    resume: bool
    report_to: str | None
    timeout: float
    read_as: str

    def __init__(
        self,
        sources: Sources = _DEFAULT_SOURCES,
        shard_size: int | None = None,
        resume: bool = False,
        report_to: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        read_as: str = "auto",
    ) -> None:
        self._set(sources, shard_size, resume, report_to, timeout, read_as)

    @classmethod
    def parse(cls, options: dict[str, Any]) -> BatchFlags:
        """The flags from the keyword arguments the ``@batch_options`` options give ``main``."""
        read = {name: options.pop(name) for name in ("input_format", "jsonl_field", "id_field", "url_field")}
        return cls(Sources(**read), **options)


_F = TypeVar("_F", bound=Callable[..., Any])

_BATCH_OPTIONS = (
    click.option("--input", "read_as", type=click.Choice(READ_AS), default="auto", show_default=True,
                 help="How each page is read: auto takes it for HTML when it starts like an HTML page; "
                      "html or text says which it is."),
    click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                 help="auto: files named *.jsonl, *.ndjson, *.json.gz (.gz/.zst) are JSONL containers and "
                      "*.warc, *.wet (.gz) WARC/WET containers, one input per record; file: every input is "
                      "one page; jsonl, warc: every input (stdin too) is that container."),
    click.option("--jsonl-field", metavar="NAME",
                 help=f"The JSONL field holding the page (text or HTML); the record's other fields pass "
                      f"through to the output record. [default: the first of {', '.join(JSONL_FIELDS)}]"),
    click.option("--id-field", metavar="NAME", default=DEFAULT_ID_FIELD, show_default=True,
                 help="The JSONL field naming a record's output file under -o DIR (made safe; default: "
                      "the line number)."),
    click.option("--url-field", metavar="NAME", default=DEFAULT_URL_FIELD, show_default=True,
                 help="The JSONL field holding the page's URL."),
    click.option("--shard-size", type=click.IntRange(min=1), metavar="N",
                 help="Write JSONL shards of N inputs each (part-00000.jsonl, ...) into -o DIR; "
                      "implies --format jsonl."),
    click.option("--resume", is_flag=True,
                 help="Go on with an interrupted run into the same -o DIR: inputs whose output exists "
                      "(or whose shard is complete) are skipped."),
    click.option("--report", "report_to", metavar="FILE",
                 help="Write a JSON report: per input its status, time, sizes and removed share; "
                      "then the totals."),
    click.option("--timeout", type=click.FloatRange(min=0), metavar="SECONDS", default=DEFAULT_TIMEOUT,
                 show_default=True,
                 help="Give up on one input after this long, report it as failed and go on (0: no limit)."),
)


def batch_options(command: _F) -> _F:
    """Add the crawl-scale options to a command (they arrive as keyword arguments)."""
    for option in reversed(_BATCH_OPTIONS):
        command = option(command)
    return command


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output", metavar="PATH",
              help="Write here instead of stdout: a file for one input (or for a --format jsonl stream), "
                   "a directory for several (outputs mirror the inputs' relative paths).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: the body, paragraphs separated by blank lines; json: the article record, "
                   "pretty; jsonl: one compact record per input, with its source; markdown: the body with "
                   "its headings, lists, quotes and tables.")
@click.option("--with-metadata", is_flag=True,
              help="In text format, print a header (title, date, author, standfirst) above the body; "
                   "in markdown, a YAML front matter.")
@click.option("--stages", metavar="A,B,C",
              help="Run only these stages, in this order (default: all, see --list-stages).")
@click.option("--skip", multiple=True, metavar="NAME",
              help="Leave out a stage (repeatable, or a comma list).")
@click.option("--list-stages", is_flag=True, expose_value=False, is_eager=True, callback=_list_stages,
              help="List the stages (default order first) with what each removes, and exit.")
@click.option("--explain", is_flag=True,
              help="Show the dump with every removed line marked by stage and reason (on stderr).")
@click.option("--explain-to", metavar="FILE",
              help="Write --explain to FILE instead of stderr ('-' for stdout, when -o takes the output "
                   "off stdout). Implies --explain.")
@click.option("--mode", type=click.Choice(MODES),
              help="precision: rather lose a body line than keep junk; recall: the reverse. "
                   "[default: balanced, or the config's]")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="TOML config (drop_phrases, drop_patterns, protect_phrases, mode, [stages.NAME]). "
                   "Default: [tool.clean-article] in ./pyproject.toml, if any.")
@click.option("--max-bytes", callback=_byte_size, metavar="SIZE",
              help=f"Refuse inputs larger than this (e.g. 5M, 512kB, 1GiB). "
                   f"[default: {DEFAULT_MAX_BYTES // 2**20} MiB]")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help=f"Files to take from directory inputs (repeatable; matched on the file name, or on the "
                   f"relative path if it has a '/'). Hidden files are skipped. "
                   f"[default: {', '.join(DEFAULT_GLOBS)}]")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for several inputs (1: clean in this process). [default: all cores]")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar and no summary line (failures are still named).")
@batch_options
@click.option("--learn-templates", metavar="FILE",
              help="Learn the inputs' site templates (lines on at least half, and 3+, of a site's pages; "
                   "site: the URL's host, else the input's directory), save them to FILE and clean with "
                   "them. Reads the inputs twice.")
@click.option("--templates", "templates_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Remove the site templates saved in FILE by --learn-templates (with --stages, name "
                   "site-templates among them).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: worker processes on this machine (--jobs); dask: a Dask cluster (extra [dask]), "
                   "inputs may be globs or fsspec URLs (s3://bucket/dumps/*.txt).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler, e.g. tcp://host:8786. [default: a local cluster of "
                   "--jobs workers]")
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
def main(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    with_metadata: bool,
    stages: str | None,
    skip: tuple[str, ...],
    explain: bool,
    explain_to: str | None,
    mode: str | None,
    config: str | None,
    max_bytes: int | None,
    globs: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
    learn_templates: str | None = None,
    templates_file: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    **batch: Any,
) -> None:
    """Clean scraper dumps: keep the article (headline, date, author, standfirst, body), drop the page.

    INPUT is a file, a directory (searched recursively, see --glob), or - for
    stdin; with no INPUT, stdin is read. One input is printed to stdout (or -o
    FILE). Several inputs need -o DIR (one output per input) or --format jsonl
    (one record per input, on stdout or in -o FILE).

    \b
    Examples:
      clean-article page.txt
      cat page.txt | clean-article --format json
      clean-article dumps/ -o clean/ --jobs 4
      clean-article dumps/ --format jsonl > clean.jsonl
      clean-article page.txt --explain >/dev/null
      clean-article page.txt --explain-to why.txt
      clean-article crawl/*.warc.gz --shard-size 10000 -o clean/ --resume --report run.json
      clean-article site-dumps/ -o clean/ --learn-templates templates.json
    """
    # What is loaded by now (modules, the command) lives as long as the process: frozen, it
    # is not walked again by every garbage collection the cleaning triggers (start-up time).
    gc.freeze()
    flags = BatchFlags.parse(batch)
    scale = ScaleFlags(learn_templates, templates_file, engine, scheduler)
    if flags.shard_size and _is_default("fmt"):
        fmt = "jsonl"
    try:
        with _terminate_as_interrupt():
            code = _run(
                inputs, output, fmt, with_metadata, stages, skip, explain, explain_to, mode, config,
                max_bytes, globs, jobs, quiet, flags, scale=scale,
            )
    except (click.exceptions.ClickException, click.exceptions.Exit):
        raise
    except KeyboardInterrupt:
        _die(f"{PROG}: interrupted", 130)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except CleanerError as exc:
        _die(f"{PROG}: {one_line(str(exc))}", 1)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _die(f"{PROG}: internal error: {type(exc).__name__}: {one_line(str(exc))} "
             f"(set {DEBUG_ENV}=1 for the traceback)", 1)
    sys.exit(code)


def run() -> NoReturn:
    """The ``clean-article`` console script: :func:`main`, then a quick exit.

    Once the command has done its work, all that is left is tearing the interpreter
    down, freeing every module and object one by one (3% of the instructions of a
    one-file run). Here the standard streams are flushed and the exit functions run,
    as at a normal exit, and the process then ends at once (:func:`os._exit`) with
    the command's exit code. It exits the usual way when another thread is still
    alive, when the code is not a number, or when a flush fails (a closed pipe).
    """
    import atexit
    import threading

    try:
        main()  # standalone: always ends with SystemExit
    except SystemExit as exc:
        code = exc.code
        run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
        if (code is None or type(code) is int) and run_exit_functions and threading.active_count() == 1:
            try:
                run_exit_functions()
                sys.stdout.flush()
                sys.stderr.flush()
            except Exception:  # noqa: BLE001  (the usual exit reports it, as it would have)
                raise exc from None
            os._exit(code or 0)
        raise
    raise SystemExit(0)  # pragma: no cover - main does not return


def _run(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    with_metadata: bool,
    stages: str | None,
    skip: tuple[str, ...],
    explain: bool,
    explain_to: str | None,
    mode: str | None,
    config: str | None,
    max_bytes: int | None,
    globs: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
    flags: BatchFlags | None = None,
    *,
    scale: ScaleFlags | None = None,
) -> int:
    """The command's work, once the flags are parsed; returns the exit code."""
    flags = flags or BatchFlags()
    scale = scale or ScaleFlags()
    scale.check(inputs)
    options = scale.options(_options(config, mode, max_bytes))
    if scale.engine == "dask":
        inputs = scale.expand(inputs, globs or DEFAULT_GLOBS)
    settings = Settings(
        options=options,
        stages=_names(stages) or None,
        skip=_names(skip),
        fmt=fmt,
        with_metadata=with_metadata,
        explain=explain or explain_to is not None,
        timeout=flags.timeout or None,
        read_as=flags.read_as,
    )
    try:
        with paused(freeze=True):  # imports the stage modules
            pipeline = settings.pipeline()
    except UnknownStageError as exc:
        raise click.UsageError(str(exc)) from None
    gc.freeze()  # the stage modules just imported and their tables, likewise

    def make_plan() -> Plan:
        return plan(
            inputs,
            fmt=fmt,
            output=output,
            globs=globs or DEFAULT_GLOBS,
            stdin=sys.stdin.buffer,
            stdin_is_tty=_stdin_is_tty(),
            max_bytes=options.max_bytes,
            sources=flags.sources,
            shard_size=flags.shard_size,
            resume=flags.resume,
            skip_files=[flags.report_to] if flags.report_to else [],
        )

    try:
        run_plan = make_plan()
    except PlanError as exc:
        raise click.UsageError(str(exc)) from None
    except CleanerError as exc:  # stdin refused (too large)
        _die(f"{PROG}: {STDIN_NAME}: {exc}", 1)
    except OSError as exc:
        _die(f"{PROG}: {exc.filename or STDIN_NAME}: {exc.strerror or exc}", 1)

    data_on_stdout = run_plan.data_on_stdout
    explain_stream, color = _explain_stream(explain_to, data_on_stdout) if settings.explain else (None, False)
    dask_engine = scale.make_engine(jobs or default_jobs())
    try:
        if scale.learn_templates:
            # Pass 1 reads the inputs from a plan of its own (a plan's tasks may be read only once).
            def learning_tasks() -> Iterable[Task]:
                return plan(
                    inputs, fmt=fmt, output=output, globs=globs or DEFAULT_GLOBS, max_bytes=options.max_bytes,
                    sources=flags.sources,
                ).tasks

            settings, pipeline = scale.learn(learning_tasks, settings, jobs or default_jobs(), dask_engine)
        report = execute(
            run_plan,
            settings,
            jobs=jobs or default_jobs(),
            stdout=sys.stdout.buffer,
            stderr=sys.stderr,
            explain_to=explain_stream,
            color_explain=color,
            progress=not quiet and _stderr_is_tty() and explain_stream is not sys.stderr,
            quiet=quiet,
            prog=PROG,
            pipeline=pipeline,
            report_to=flags.report_to,
            runner=dask_engine.run_tasks if dask_engine is not None else None,
        )
    except PlanError as exc:  # found on starting: a shard directory from another run
        _die(f"{PROG}: {one_line(str(exc))}", 2)
    except BrokenPipeError:
        raise
    except OSError as exc:  # the output stream or file could not be written
        _die(f"{PROG}: {exc.filename or run_plan.stream or 'output'}: {exc.strerror or exc}", 1)
    finally:
        if explain_stream is not None and explain_stream not in (sys.stderr, sys.stdout):
            explain_stream.close()
        if dask_engine is not None:
            dask_engine.close()
    return report.exit_code


def _is_default(name: str) -> bool:
    """Whether the option ``name`` was left at its default (not given on the command line)."""
    from click.core import ParameterSource

    ctx = click.get_current_context(silent=True)
    return ctx is None or ctx.get_parameter_source(name) in (ParameterSource.DEFAULT, None)


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a run the way Ctrl-C does: the output being written is dropped, the report kept."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

# --- site templates and the Dask engine ---


class ScaleFlags(Frozen):
    """``--learn-templates``, ``--templates``, ``--engine`` and ``--scheduler``, as parsed."""

    __slots__ = ("learn_templates", "templates_file", "engine", "scheduler")
    __match_args__ = ("learn_templates", "templates_file", "engine", "scheduler")

    learn_templates: str | None
    templates_file: str | None
    engine: str
    scheduler: str | None

    def __init__(
        self,
        learn_templates: str | None = None,
        templates_file: str | None = None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> None:
        self._set(learn_templates, templates_file, engine, scheduler)

    def options(self, options: Options) -> Options:
        """The options with the templates of ``--templates`` loaded."""
        if not self.templates_file:
            return options
        from .templates import load

        try:
            return replace(options, templates=load(self.templates_file))
        except CleanerError as exc:
            raise click.BadParameter(str(exc), param_hint="--templates") from None

    def expand(self, inputs: tuple[str, ...], globs: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        from .distributed import expand

        return tuple(expand(inputs, globs))

    def make_engine(self, workers: int) -> DaskEngine | None:
        """The Dask engine (its cluster is started on first use), or ``None`` for the local one."""
        if self.engine != "dask":
            return None
        from .distributed import DaskEngine

        return DaskEngine(self.scheduler, workers=workers)

    def check(self, inputs: tuple[str, ...]) -> None:
        """Refuse what cannot work together, before any input is read."""
        if self.learn_templates and self.templates_file:
            raise click.UsageError("--learn-templates and --templates cannot be used together")
        if self.learn_templates and (not inputs or "-" in inputs):
            raise click.UsageError("--learn-templates reads the inputs twice, stdin only once: name files")
        if self.scheduler and self.engine != "dask":
            raise click.UsageError("--scheduler needs --engine dask")

    def learn(
        self,
        tasks: Callable[[], Iterable[Task]],
        settings: Settings,
        jobs: int,
        dask_engine: DaskEngine | None,
    ) -> tuple[Settings, Pipeline]:
        """Pass 1: learn the templates of ``tasks()``, save them, and return settings that apply them."""
        from .templates import learn_tasks, save

        assert self.learn_templates is not None
        if dask_engine is not None:
            learned = dask_engine.learn(tasks(), settings)
        else:
            learned = learn_tasks(tasks(), settings, jobs=jobs)
        save(learned, self.learn_templates)
        settings = settings._replace(options=replace(settings.options, templates=learned))
        return settings, settings.pipeline()


def _die(message: str, code: int) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def options_table() -> str:
    """The README's option table (markdown), generated from the command's own options and help."""
    rows = ["| option | what it does |", "| --- | --- |"]
    for param in main.params:
        if not isinstance(param, click.Option):
            continue
        names = ", ".join(f"`{n}`" for n in param.opts)
        if not param.is_flag and param.metavar:
            names += f" `{param.metavar}`"
        elif isinstance(param.type, click.Choice):
            choices = "\\|".join(str(c) for c in param.type.choices)
            names += f" `{choices}`"
        text = (param.help or "").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| {names} | {text} |")
    return "\n".join(rows)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("outputs", type=click.Path(exists=True))
@click.argument("gold", type=click.Path(exists=True))
@click.option("--worst", type=click.IntRange(min=0), default=5, show_default=True,
              help="List this many worst documents by F1.")
def evaluate_main(outputs: str, gold: str, worst: int) -> None:
    """Score cleaned OUTPUTS against your GOLD bodies with the shingle precision/recall/F1.

    OUTPUTS and GOLD are each a directory of <id>.txt files or a JSONL file of
    {"id", "text"} (gold: {"id", "body"}) records. A gold document without an
    output counts as empty.
    """
    from pathlib import Path  # only this command needs it (the cleaning command's start-up time)

    from .evaluate import evaluate

    try:
        summary = evaluate(Path(outputs), Path(gold))
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"documents {summary.documents}  missing {summary.missing}")
    click.echo(f"precision {summary.precision:.4f}  recall {summary.recall:.4f}  F1 {summary.f1:.4f}")
    for s in sorted(summary.scores, key=lambda s: (s.f1, s.id))[:worst]:
        click.echo(f"  worst  F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}  {s.id}")
