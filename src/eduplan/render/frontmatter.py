"""The pages of the plan book around its content, as templates see them: cover, foreword, approval, annex, colophon.

The cover carries the office's logo (embedded as a ``data:`` address, so that the HTML, the PDF and
the Word document each stand alone), the document number, the title and the period; then the
approval page when it stands in front, the foreword (คำนำ) with its signature, the place of the
table of contents; after the content the annex (ภาคผนวก): the approval page when it stands there,
the orders, the committees with their members, other sections. The part headings (ส่วนที่ 1 ...)
are placed before the first block of content the plan has at or after the one each names. The
colophon (made with eduplan, the source of the data) is printed only when asked.

Names, positions and texts are shown exactly as published; dates in the document's language,
with their Buddhist-Era year. Signatures and the foreword are built as the performance report's
are (:mod:`eduplan.render.narrative`), one way for every document an office signs.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass

from eduplan.load.images import Image
from eduplan.model import Plan
from eduplan.model.front import PART_PLACES, Annex, Approval, Committee, Order, Signed, Signer
from eduplan.render.digits import keep
from eduplan.render.narrative import ForewordView, SignatureView, build_foreword, build_signatures, signed_on
from eduplan.render.sections import SectionView, build_sections
from eduplan.render.style import Style

__all__ = [
    "AnnexView",
    "ApprovalView",
    "ColophonView",
    "CommitteeView",
    "FrontView",
    "MemberView",
    "OrderView",
    "build_front",
    "data_address",
    "present_blocks",
]


@dataclass(frozen=True, slots=True)
class ApprovalView:
    """The approval page: its heading, paragraphs and signatures; ``in_annex`` when it stands in the annex."""

    heading: str
    paragraphs: tuple[str, ...]
    signatures: tuple[SignatureView, ...]
    in_annex: bool


@dataclass(frozen=True, slots=True)
class MemberView:
    """A member of a committee: number, name, position and role (None when not published)."""

    number: str
    name: str
    position: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class CommitteeView:
    """A committee: its title, duties, members and the order that appointed it (its heading), if given."""

    anchor: str
    title: str
    duties: tuple[str, ...]
    members: tuple[MemberView, ...]
    positions: bool
    """Whether some member has a position (the table's column)."""
    roles: bool
    """Whether some member has a role."""
    order: str | None


@dataclass(frozen=True, slots=True)
class OrderView:
    """An order (คำสั่ง): heading (issuer), number, subject, paragraphs, date and signature."""

    anchor: str
    heading: str
    number: str | None
    subject: str
    paragraphs: tuple[str, ...]
    date: str | None
    signature: SignatureView | None


@dataclass(frozen=True, slots=True)
class AnnexView:
    """The annex: its heading, the approval page when placed here, orders, committees, sections."""

    heading: str
    approval: ApprovalView | None
    orders: tuple[OrderView, ...]
    committees: tuple[CommitteeView, ...]
    sections: tuple[SectionView, ...]


@dataclass(frozen=True, slots=True)
class ColophonView:
    """The colophon: made with eduplan (the plan's id kept in Arabic digits), the date, the source of the data."""

    made: str
    source: str | None


@dataclass(frozen=True, slots=True)
class FrontView:
    """The pages around the content of a plan book.

    Attributes:
        logo: The logo as a ``data:`` address, or None.
        logo_alt: The logo's text alternative (the office's emblem).
        document_number: The document's number for the cover, or None.
        approval: The approval page when it stands after the cover, or None.
        foreword: The foreword, or None.
        annex: The annex, or None when there is nothing to put in it.
        parts: Part headings by the block of content they are printed before.
        colophon: The colophon, or None when not asked for.
    """

    logo: str | None
    logo_alt: str
    document_number: str | None
    approval: ApprovalView | None
    foreword: ForewordView | None
    annex: AnnexView | None
    parts: Mapping[str, tuple[str, ...]]
    colophon: ColophonView | None


def data_address(image: Image) -> str:
    """The image as a ``data:`` address, which documents embed (no file beside them)."""
    return f"data:{image.mime};base64,{base64.b64encode(image.data).decode('ascii')}"


def _signature(signer: Signer, style: Style) -> SignatureView:
    """A signature block of a signer with no date or role of its own (an order's)."""
    return build_signatures([Signed(name=signer.name, position=signer.position)], style)[0]


def _approval(approval: Approval, style: Style) -> ApprovalView:
    return ApprovalView(
        heading=approval.title or style.labels["approval"],
        paragraphs=tuple(approval.text),
        signatures=build_signatures(approval.signatures, style),
        in_annex=approval.place == "annex",
    )


def _order_heading(order: Order, style: Style) -> str:
    if order.issuer:
        return style.labels.format("order_of", issuer=order.issuer)
    return style.labels["order"]


def _order(order: Order, style: Style) -> OrderView:
    return OrderView(
        anchor=f"order-{order.id}",
        heading=_order_heading(order, style),
        number=style.labels.format("order_number", number=order.number) if order.number else None,
        subject=style.labels.format("order_subject", title=order.title),
        paragraphs=tuple(order.text),
        date=style.labels.format("order_date", date=signed_on(order.date, style)) if order.date else None,
        signature=_signature(order.signer, style) if order.signer else None,
    )


def _committee(committee: Committee, orders: Mapping[str, Order], style: Style) -> CommitteeView:
    order = orders.get(committee.order) if committee.order else None
    appointed = None
    if order is not None:
        number = f" {style.labels.format('order_number', number=order.number)}" if order.number else ""
        appointed = f"{_order_heading(order, style)}{number}"
    return CommitteeView(
        anchor=f"committee-{committee.id}",
        title=committee.title,
        duties=tuple(committee.duties),
        members=tuple(
            MemberView(style.digits_of(str(n)), m.name, m.position, m.role)
            for n, m in enumerate(committee.members, start=1)
        ),
        positions=any(m.position for m in committee.members),
        roles=any(m.role for m in committee.members),
        order=appointed,
    )


def _annex(annex: Annex | None, approval: ApprovalView | None, style: Style) -> AnnexView | None:
    if annex is None and approval is None:
        return None
    orders = {o.id: o for o in annex.orders} if annex else {}
    return AnnexView(
        heading=(annex.title if annex else None) or style.labels["annex"],
        approval=approval,
        orders=tuple(_order(o, style) for o in annex.orders) if annex else (),
        committees=tuple(_committee(c, orders, style) for c in annex.committees) if annex else (),
        sections=build_sections(annex.sections, style, depth=2) if annex else (),
    )


def present_blocks(plan: Plan, *, identity: bool, links: bool, budget_frame: bool) -> list[str]:
    """The blocks of content the document prints for this plan, in document order (see :data:`PART_PLACES`)."""
    has = {
        "context": bool(plan.context),
        "identity": identity,
        "vision": bool(plan.vision),
        "missions": bool(plan.missions),
        "goals": bool(plan.goals),
        "policies": bool(plan.policies),
        "standards": bool(plan.standards),
        "values": bool(plan.values),
        "driving_model": plan.driving_model is not None,
        "qualities": plan.qualities is not None,
        "links": links,
        "budget_frame": budget_frame,
        "monitoring": bool(plan.monitoring),
    }
    return [place for place in PART_PLACES if has[place]]


def _parts(plan: Plan, present: list[str]) -> dict[str, tuple[str, ...]]:
    """Each part heading at the first block the document prints at or after the one it names (else at the end)."""
    placed: dict[str, list[str]] = {}
    for part in plan.parts:
        start = PART_PLACES.index(part.before)
        at = next((p for p in present if PART_PLACES.index(p) >= start), "end")
        placed.setdefault(at, []).append(part.title)
    return {place: tuple(titles) for place, titles in placed.items()}


def _colophon(plan: Plan, style: Style, generated_on: str | None) -> ColophonView:
    made = style.labels.format("generated_by", id=keep(plan.id))
    if generated_on:
        made = f"{made} · {generated_on}"
    source = plan.source
    said = " ".join(x for x in (source.url, source.note) if x) if source else ""
    return ColophonView(made, f"{style.labels['source']}: {said}" if said else None)


def build_front(
    plan: Plan,
    style: Style,
    present: list[str],
    images: Mapping[str, Image] | None = None,
    *,
    colophon: bool = False,
    generated_on: str | None = None,
) -> FrontView:
    """The pages around the plan's content.

    Args:
        plan: The plan.
        style: The document's style.
        present: The blocks of content the document prints (:func:`present_blocks`), for the part headings.
        images: The plan's images by the name it gives them (its logo), read by the caller; a logo not
            among them is left out.
        colophon: Whether to print the colophon.
        generated_on: The "generated on" words of the colophon, when the document is dated.
    """
    logo = (images or {}).get(plan.office.logo) if plan.office.logo else None
    approval = _approval(plan.approval, style) if plan.approval else None
    edition = plan.edition
    return FrontView(
        logo=data_address(logo) if logo else None,
        logo_alt=style.labels.format("logo_of", name=plan.office.name),
        document_number=edition.document_number if edition else None,
        approval=approval if approval and not approval.in_annex else None,
        foreword=build_foreword(plan.foreword, style),
        annex=_annex(plan.annex, approval if approval and approval.in_annex else None, style),
        parts=_parts(plan, present),
        colophon=_colophon(plan, style, generated_on) if colophon else None,
    )
