"""The plain computations that the HTML path's shortcuts replace, kept for the tests that check
a shortcut gives what the plain way gives (tests/test_fast_paths.py)."""

from __future__ import annotations

from lxml.html import HtmlElement

from cleaners.html import prune
from cleaners.html.dom import (
    BLOCK_TAGS,
    SKIP_TAGS,
    DomBlock,
    _clean,
    _row_text,
    _tag,
    is_layout_row,
)


def plain_drops(pruner: prune.Pruner, element: HtmlElement) -> bool:
    """`Pruner.drops` asked of every element, without the `suspect` screen."""
    return pruner.drops(element)


def plain_iter_blocks(root: HtmlElement, prune_tree: bool = True) -> list[DomBlock]:
    """The blocks under `root` by the two-pass walk: every child's answer first, then, when
    any child is a block, the blocks and the anonymous text between them; the prune test
    asked of every element."""
    tag = _tag(root)
    if not tag or tag in SKIP_TAGS:
        return []
    pruner = prune.Pruner(root) if prune_tree else None

    def visit(element: HtmlElement, tag: str) -> tuple[bool, str | list[DomBlock]]:
        if tag == "tr" and not is_layout_row(element):
            text = _row_text(element)
            return True, [DomBlock(element, text, tag)] if text else []
        results: list[tuple[HtmlElement, str, bool, str | list[DomBlock] | None]] = []
        has_block = False
        for child in element:
            child_tag = _tag(child)
            if not child_tag or child_tag in SKIP_TAGS:
                results.append((child, "", False, None))
                continue
            if pruner is not None and plain_drops(pruner, child):
                results.append((child, "", False, None))
                continue
            blocky, payload = visit(child, child_tag)
            if blocky or child_tag in BLOCK_TAGS:
                has_block = True
            results.append((child, child_tag, blocky, payload))
        if not has_block:
            parts = [" " if tag == "br" else "", element.text or ""]
            for child, _, _, payload in results:
                if payload:
                    parts.append(payload)  # type: ignore[arg-type]
                if child.tail:
                    parts.append(child.tail)
            return False, "".join(parts)
        blocks: list[DomBlock] = []
        run: list[str] = [element.text or ""]
        for child, child_tag, blocky, payload in results:
            if child_tag and (blocky or child_tag in BLOCK_TAGS):
                text = _clean("".join(run))
                if text:
                    blocks.append(DomBlock(element, text, "inline"))
                run = []
                if blocky:
                    blocks.extend(payload)  # type: ignore[arg-type]
                elif text := _clean(payload):  # type: ignore[arg-type]
                    blocks.append(DomBlock(child, text, child_tag))
            elif payload:
                run.append(payload)  # type: ignore[arg-type]
            run.append(child.tail or "")
        text = _clean("".join(run))
        if text:
            blocks.append(DomBlock(element, text, "inline"))
        return True, blocks

    blocky, payload = visit(root, tag)
    if pruner is not None:
        pruner.finish()
    if blocky:
        return payload  # type: ignore[return-value]
    text = _clean(payload)  # type: ignore[arg-type]
    return [DomBlock(root, text, tag)] if text else []


def plain_is_caption(text: str) -> bool:
    """`cleaners.rules.captions.is_caption` without the screen of the line's end: both credit
    searches tried on every line short enough, the bracket search on every line."""
    from cleaners.rules.captions import (
        _bracket_is_credit,
        credit_patterns,
        is_credit_line,
        is_labelled_caption,
        is_slash_credit,
    )
    from cleaners.textfeatures import word_count

    if word_count(text) > 70:
        return False
    patterns = credit_patterns()
    stripped = text.strip()
    if is_credit_line(stripped) or is_labelled_caption(stripped) or is_slash_credit(stripped):
        return True
    if patterns.after_sentence.search(stripped) or patterns.dash_credit.search(stripped):
        return True
    bracket = patterns.bracket.search(stripped)
    if bracket and not stripped.endswith((".)", "?)", "!)")):
        return _bracket_is_credit(bracket.group(1), stripped[: bracket.start()])
    return False
