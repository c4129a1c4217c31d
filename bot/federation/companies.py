"""Companies and the rule that a group has one company per industry."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit, business_number
from bot.federation.errors import FederationError, NotFoundError
from bot.storage.federation_models import Company, Group, GroupCompany

COMPANY_FIELDS = (
    "name",
    "business_number",
    "ksic_code",
    "ksic_name",
    "region",
    "products",
    "processes",
    "certifications",
    "looking_for",
)


class IndustryConflictError(FederationError):
    """The group already has a company in the same industry."""

    def __init__(self, group: Group, existing: Company, industry: str) -> None:
        super().__init__(texts.fed_industry_conflict(group.name, existing.name, industry))
        self.existing = existing


def industry_key(ksic_code: str | None, digits: int) -> str | None:
    """The part of a KSIC code that defines "the same industry" (section letter ignored)."""
    if not ksic_code:
        return None
    numeric = ksic_code.lstrip("ABCDEFGHIJKLMNOPQRSTUabcdefghijklmnopqrstu")
    return numeric[:digits] if len(numeric) >= digits else numeric


def industry_rival(session: Session, *, group: Group, company: Company) -> Company | None:
    """The company already seated in ``group`` in ``company``'s industry, if any."""
    digits = group.federation.industry_digits
    key = industry_key(company.ksic_code, digits)
    if key is None:
        return None
    seated = session.scalars(
        select(Company).join(GroupCompany).where(GroupCompany.group_id == group.id)
    )
    for other in seated:
        if other.id != company.id and industry_key(other.ksic_code, digits) == key:
            return other
    return None


def seat_company(
    session: Session,
    *,
    group: Group,
    company: Company,
    actor: str,
    override_reason: str | None = None,
) -> GroupCompany:
    """Seat ``company`` in ``group``; an industry clash needs an admin's recorded reason."""
    current = session.scalars(
        select(GroupCompany).where(
            GroupCompany.group_id == group.id, GroupCompany.company_id == company.id
        )
    ).first()
    if current is not None:
        return current
    rival = industry_rival(session, group=group, company=company)
    if rival is not None and not (override_reason and override_reason.strip()):
        key = industry_key(company.ksic_code, group.federation.industry_digits) or ""
        raise IndustryConflictError(group, rival, key)
    seat = GroupCompany(
        group=group, company=company, override_reason=override_reason if rival else None
    )
    session.add(seat)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="seat_override" if rival else "seat",
        entity="company",
        entity_id=company.id,
        group_id=group.id,
        **({"reason": override_reason, "rival_id": rival.id} if rival else {}),
    )
    return seat


def validate_company_fields(name: str, number: str | None, ksic_code: str | None) -> list[str]:
    """Reasons the given company facts are invalid (empty when fine)."""
    problems = []
    if not name.strip():
        problems.append(texts.FED_COMPANY_NAME_MISSING)
    if number and not business_number.is_valid(number):
        problems.append(texts.fed_bad_business_number(number))
    if ksic_code and not _looks_like_ksic(ksic_code):
        problems.append(texts.fed_bad_ksic(ksic_code))
    return problems


def _looks_like_ksic(code: str) -> bool:
    numeric = code[1:] if code[:1].isalpha() else code
    return numeric.isdigit() and 2 <= len(numeric) <= 5


def add_company(session: Session, *, actor: str, **fields: str | None) -> Company:
    """Create a company after validating its number and KSIC code."""
    name = fields.get("name") or ""
    number = business_number.normalize(fields.get("business_number") or "") or None
    problems = validate_company_fields(name, number, fields.get("ksic_code"))
    if problems:
        raise FederationError(" ".join(problems))
    if number and find_by_number(session, number) is not None:
        raise FederationError(texts.fed_already_exists(texts.FED_KIND_BUSINESS_NUMBER, number))
    company = Company(**{**fields, "business_number": number})
    session.add(company)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="company", entity_id=company.id)
    return company


def edit_company(session: Session, company: Company, *, actor: str, **changes: str | None) -> None:
    """Change some fields of a company, validating number and code again."""
    number = changes.get("business_number")
    if number:
        changes["business_number"] = business_number.normalize(number)
    merged = {field: getattr(company, field) for field in COMPANY_FIELDS} | changes
    problems = validate_company_fields(
        merged["name"] or "", merged["business_number"], merged["ksic_code"]
    )
    if problems:
        raise FederationError(" ".join(problems))
    for field, value in changes.items():
        setattr(company, field, value)
    audit.record(
        session,
        actor=actor,
        action="edit",
        entity="company",
        entity_id=company.id,
        fields=sorted(changes),
    )


def remove_company(session: Session, company: Company, *, actor: str) -> None:
    """Delete a company and its seats in groups (its members stay, without a company)."""
    audit.record(session, actor=actor, action="delete", entity="company", entity_id=company.id)
    session.delete(company)


def find_by_number(session: Session, number: str) -> Company | None:
    """A company by business registration number, in any format."""
    digits = business_number.normalize(number)
    return session.scalars(select(Company).where(Company.business_number == digits)).first()


def find_company(session: Session, name_or_id: str) -> Company:
    """A company by id, business number or exact name."""
    if name_or_id.isdigit() and len(name_or_id) < 10:
        company = session.get(Company, int(name_or_id))
    elif business_number.is_valid(name_or_id):
        company = find_by_number(session, name_or_id)
    else:
        company = session.scalars(select(Company).where(Company.name == name_or_id)).first()
    if company is None:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_COMPANY, name_or_id))
    return company


def groups_of(session: Session, company: Company) -> list[Group]:
    """The groups a company has a seat in."""
    query = select(Group).join(GroupCompany).where(GroupCompany.company_id == company.id)
    return list(session.scalars(query.order_by(Group.name)))


def list_companies(session: Session) -> list[Company]:
    """Every company, by name."""
    return list(session.scalars(select(Company).order_by(Company.name)))
