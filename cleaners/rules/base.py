"""What a rule is, and what the pipeline that runs the rules is made of.

A rule is a small named unit with one job and a reason code. The pipeline is declared once,
as data (`cleaners.rules.SLOTS`): an ordered tuple of named slots, each holding the steps
(rule factories) that run there. A rule that runs only on one input path (HTML), a rule a site
pack adds, and a rule a caller swaps in each say where they go by slot name, never by position.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from cleaners.blocks import Page

# The input paths a step may run on.
TEXT = "text"  # a whole-page text dump (clean_text)
HTML = "html"  # an HTML page, with what its markup says (clean_html)
BOTH: frozenset[str] = frozenset((TEXT, HTML))
HTML_ONLY: frozenset[str] = frozenset((HTML,))


class Rule(Protocol):
    """Looks at a page's blocks and removes some (with its reason) or moves them into fields.

    The rules are frozen dataclasses: `name` is read-only here (a plain ``name: str`` member
    would ask for a settable attribute, which no frozen rule has)."""

    @property
    def name(self) -> str: ...

    def apply(self, page: Page) -> None: ...


@runtime_checkable
class RuleGroup(Protocol):
    """A rule that runs several named rules in one pass (the line patterns): a site pack
    switches some of them off by name."""

    @property
    def name(self) -> str: ...

    def apply(self, page: Page) -> None: ...

    def without(self, names: frozenset[str]) -> Rule: ...


class UnknownSlotError(ValueError):
    """A slot name that the pipeline does not declare."""


@dataclass(frozen=True, slots=True)
class Step:
    """One rule of a slot: how to make it and on which input paths it runs.

    `body_guard`: on the HTML path the rule is wrapped in `cleaners.html.guards.BodyGuard`
    (it reads one line's last words, which an HTML body paragraph may share with debris)."""

    make: Callable[[], Rule]
    paths: frozenset[str] = BOTH
    body_guard: bool = False

    def build(self, path: str) -> Rule:
        rule = self.make()
        if self.body_guard and path == HTML:
            # imported here: the text path never loads the HTML package
            from cleaners.html.guards import BodyGuard

            return BodyGuard(rule)
        return rule


@dataclass(frozen=True, slots=True)
class Slot:
    """A named place in the pipeline.

    `ends_on_reject`: a page rejected once this slot has run (a page-level verdict such as a
    bot wall) skips every later slot except those marked `always`. `always`: runs on every
    page, rejected or not (settling the record's fields)."""

    name: str
    purpose: str
    steps: tuple[Step, ...] = ()
    ends_on_reject: bool = False
    always: bool = False


@dataclass(frozen=True, slots=True)
class SlotRules:
    """A slot with the rules built for one input path (and a site's pack)."""

    slot: Slot
    rules: tuple[Rule, ...]


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The rules to run, slot by slot, in the declared order (see `cleaners.pipeline.run_rules`)."""

    parts: tuple[SlotRules, ...] = field(default=())

    @classmethod
    def build(
        cls,
        slots: tuple[Slot, ...],
        path: str,
        added: Collection[tuple[str, Rule]] = (),
    ) -> Pipeline:
        """Each slot's steps that run on `path`, then the `added` (slot name, rule) pairs at
        the end of their slot, in the order given."""
        check_slot_names(slots, (name for name, _ in added))
        return cls(
            tuple(
                SlotRules(
                    slot,
                    (
                        *(step.build(path) for step in slot.steps if path in step.paths),
                        *(rule for name, rule in added if name == slot.name),
                    ),
                )
                for slot in slots
            )
        )

    def __iter__(self) -> Iterator[Rule]:
        """Every rule, in the order they run on a page no verdict stops."""
        for part in self.parts:
            yield from part.rules

    def slot_names(self) -> list[str]:
        return [part.slot.name for part in self.parts]

    def rules_in(self, name: str) -> tuple[Rule, ...]:
        for part in self.parts:
            if part.slot.name == name:
                return part.rules
        raise UnknownSlotError(f"no pipeline slot named {name!r} (slots: {self.slot_names()})")

    def with_rules(self, name: str, rules: tuple[Rule, ...] | list[Rule]) -> Pipeline:
        """The same pipeline with slot `name` holding `rules` instead."""
        self.rules_in(name)  # an unknown name is an error, not a no-op
        return Pipeline(
            tuple(
                SlotRules(part.slot, tuple(rules)) if part.slot.name == name else part
                for part in self.parts
            )
        )

    def map(self, change: Callable[[Rule], Rule]) -> Pipeline:
        """The same pipeline with every rule passed through `change` (one rule swapped for a
        variant: a tool trying another model of the article region)."""
        return Pipeline(
            tuple(SlotRules(part.slot, tuple(change(r) for r in part.rules)) for part in self.parts)
        )

    def without(self, names: frozenset[str]) -> Pipeline:
        """The pipeline minus the rules named (inside rule groups too): a site pack's
        `disable`."""
        if not names:
            return self
        return Pipeline(
            tuple(
                SlotRules(
                    part.slot,
                    tuple(
                        r
                        for r in (
                            r.without(names) if isinstance(r, RuleGroup) else r for r in part.rules
                        )
                        if r.name not in names
                    ),
                )
                for part in self.parts
            )
        )


def check_slot_names(slots: tuple[Slot, ...], names: Iterator[str] | Collection[str]) -> None:
    """Raise UnknownSlotError naming the first name no slot has."""
    known = [slot.name for slot in slots]
    for name in names:
        if name not in known:
            raise UnknownSlotError(f"no pipeline slot named {name!r} (slots: {', '.join(known)})")
