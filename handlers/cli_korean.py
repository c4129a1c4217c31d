"""Typer's own words in Korean: help-screen labels, and usage errors turned into Korean sentences.

Typer (0.29+) carries its own copy of Click with the English text written in, so there is no
gettext catalogue to install. Help labels are Typer's module constants plus three small wrappers
(the usage prefix, the type names, the ``--help`` line), applied once by :func:`install`; usage
errors are caught at the root (see :mod:`handlers.cli_errors`) and worded by
:func:`usage_message` from the exception's fields, never from its English text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import typer
from typer import core, rich_utils
from typer._click import core as click_core
from typer._click import exceptions, formatting

from handlers import texts

_installed = False


def install() -> None:
    """Put Korean labels into Typer's help screens (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    rich_utils.ARGUMENTS_PANEL_TITLE = texts.ARGUMENTS_TITLE
    rich_utils.OPTIONS_PANEL_TITLE = texts.OPTIONS_TITLE
    rich_utils.COMMANDS_PANEL_TITLE = texts.COMMANDS_TITLE
    rich_utils.DEFAULT_STRING = texts.DEFAULT_LABEL
    rich_utils.REQUIRED_LONG_STRING = texts.REQUIRED_LABEL
    rich_utils.ENVVAR_STRING = texts.ENVVAR_LABEL
    rich_utils.DEPRECATED_STRING = texts.DEPRECATED_LABEL
    rich_utils.ERRORS_PANEL_TITLE = texts.ERROR_TITLE
    rich_utils.ABORTED_TEXT = texts.ABORTED
    rich_utils.RICH_HELP = texts.HELP_POINTER
    rich_utils.OptionHighlighter.highlights.append(rf"(?P<usage>{texts.USAGE_PREFIX})")
    formatting.HelpFormatter.write_usage = _korean_usage(  # type: ignore[method-assign]
        formatting.HelpFormatter.write_usage
    )
    core._TyperParameter.display_type = _korean_type(  # type: ignore[method-assign]
        core._TyperParameter.display_type
    )
    core.TyperOption.display_type_rich = _no_type_for_switches(  # type: ignore[method-assign]
        core.TyperOption.display_type_rich
    )
    click_core.Command.get_help_option = _korean_help(  # type: ignore[method-assign]
        click_core.Command.get_help_option
    )
    core.TyperArgument.display_name_raw = property(_korean_argument_name)  # type: ignore[assignment,method-assign]


def confirm(question: str) -> None:
    """Ask a yes/no question in Korean (``[예/아니오]``); anything but yes aborts the command.

    예, 네 and y count as yes; an empty answer or the end of input is no. The root's error
    boundary turns the abort into "취소했어요." with exit code 1.
    """
    answer = typer.prompt(f"{question} {texts.CONFIRM_CHOICES}", default="", show_default=False)
    if answer.strip().lower() not in texts.CONFIRM_YES:
        raise typer.Abort


def _korean_argument_name(self: Any) -> str:
    """A positional argument's name in help and errors: its metavar, else its Korean name."""
    if self.metavar is not None:
        return str(self.metavar)
    name = str(self.name)
    return texts.ARGUMENT_NAMES.get(name, name)


def _korean_usage(write_usage: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(write_usage)
    def wrapper(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", texts.OPTIONS_METAVAR).replace(
            "COMMAND [ARGS]...", texts.COMMAND_METAVAR
        )
        write_usage(self, prog, args, texts.USAGE_PREFIX if prefix is None else prefix)

    return wrapper


def _korean_type(display_type: Callable[..., str]) -> Callable[..., str]:
    @functools.wraps(display_type)
    def wrapper(self: Any, ctx: Any) -> str:
        shown = display_type(self, ctx)
        name = shown.strip("<>")
        return f"<{texts.TYPE_NAMES[name]}>" if name in texts.TYPE_NAMES else shown

    return wrapper


def _no_type_for_switches(display: Callable[..., str | None]) -> Callable[..., str | None]:
    @functools.wraps(display)
    def wrapper(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag else display(self, ctx)  # a switch takes no value

    return wrapper


def _korean_help(get_help_option: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(get_help_option)
    def wrapper(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = texts.HELP_OPTION
        return option

    return wrapper


def usage_message(error: exceptions.UsageError) -> str:
    """A Korean sentence for a usage error (missing argument, unknown option, bad value …)."""
    if isinstance(error, exceptions.MissingParameter):
        return _missing(error)
    if isinstance(error, exceptions.NoSuchOption):
        return texts.no_such_option(error.option_name, sorted(error.possibilities or ()))
    if isinstance(error, exceptions.BadOptionUsage):
        if "does not take a value" in error.message:
            return texts.option_takes_no_value(error.option_name)
        return texts.option_needs_value(error.option_name)
    if isinstance(error, exceptions.BadParameter):
        return texts.bad_value(_name(error), _reason(error))
    return _general(error.message)


def usage_line(error: exceptions.UsageError) -> str | None:
    """How the failing command is written, and where its help is (``None`` without a command)."""
    ctx = error.ctx
    if ctx is None:
        return None
    return texts.usage_hint(ctx.get_usage(), ctx.command_path)


def _missing(error: exceptions.MissingParameter) -> str:
    param = error.param
    if param is None:
        return texts.missing_argument("", None)
    description = getattr(param, "help", None)
    if isinstance(param, core.TyperOption):
        return texts.missing_option(param.opts[-1], description)
    return texts.missing_argument(param.display_name_raw.upper(), description)


def _name(error: exceptions.BadParameter) -> str:
    if error.param_hint is not None:
        hints = [error.param_hint] if isinstance(error.param_hint, str) else error.param_hint
        return " / ".join(hints)
    param = error.param
    if isinstance(param, core.TyperOption):
        return " / ".join(param.opts)
    if param is not None:
        return param.display_name_raw.upper()
    return ""


_PATH_PROBLEM = re.compile(
    r"^\w+ '(?P<path>.*)' (?P<problem>does not exist|is a directory|is a file|"
    r"is not readable|is not writable)\.$"
)
_PATH_MESSAGES = {
    "does not exist": texts.path_missing,
    "is a directory": texts.path_is_folder,
    "is a file": texts.path_is_file,
    "is not readable": texts.path_not_allowed,
    "is not writable": texts.path_not_allowed,
}


def _reason(error: exceptions.BadParameter) -> str:
    """Why the value was refused: our own Korean message, a path check, or a number check."""
    path = _PATH_PROBLEM.match(error.message)  # before the Korean check: the path may be Korean
    if path is not None:
        return _PATH_MESSAGES[path["problem"]](path["path"])
    if _is_korean(error.message):
        return error.message
    cause = error.__cause__
    if cause is not None and hasattr(cause, "errors"):
        return validation_reason(cause.errors()[0]) or error.message
    return error.message


def validation_reason(problem: Mapping[str, Any]) -> str | None:
    """Korean for one pydantic validation problem (how Typer and the settings check values)."""
    kind, limits = problem.get("type", ""), problem.get("ctx") or {}
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return texts.NOT_AN_INTEGER
    if kind in ("float_parsing", "float_type"):
        return texts.NOT_A_NUMBER
    if kind in ("bool_parsing", "bool_type"):
        return texts.NOT_A_YES_NO
    if kind in ("greater_than_equal", "greater_than"):
        return texts.at_least(str(limits.get("ge", limits.get("gt"))))
    if kind in ("less_than_equal", "less_than"):
        return texts.at_most(str(limits.get("le", limits.get("lt"))))
    return None


_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean (?P<like>.*)\?)?")
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)")


def _general(message: str) -> str:
    # Typer's English frames come first: the words they quote may well be Korean.
    if match := _EXTRA.fullmatch(message):
        return texts.extra_arguments(match["extra"])
    if _is_korean(message):
        return message
    if match := _NO_SUCH_COMMAND.fullmatch(message):
        like = re.findall(r"'([^']+)'", match["like"] or "")
        return texts.no_such_command(match["name"], like)
    if message.startswith("Missing command"):
        return texts.MISSING_COMMAND
    return message


def _is_korean(text: str) -> bool:
    return re.search(r"[가-힣]", text) is not None
