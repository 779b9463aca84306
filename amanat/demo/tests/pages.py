"""Every page of every demo role, for the page walker: paths without the language prefix.

A `Found` page is a detail page reached the way a user reaches it: the first link on a list
page whose path matches the pattern (the first incident, the first observer...)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    on: str  # the list page
    pattern: str  # a regular expression the link's path (without the language) must match

    def __str__(self) -> str:
        return f"{self.on} → {self.pattern}"


VISITOR = "visitor"  # not signed in

PUBLIC = [
    "/",
    "/stations/",
    "/stations/?q=%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0",  # "Астана"
    "/calendar/",
    "/guides/",
    Found("/guides/", r"^/guides/[\w-]+/$"),
    "/candidates/",
    Found("/candidates/", r"^/candidate/\d+/$"),
    "/search/?q=%D0%BD%D0%B0%D0%B1%D0%BB%D1%8E%D0%B4%D0%B0%D1%82%D0%B5%D0%BB%D1%8C",
    "/complaint/",
    "/legal-help/ask/",
    "/legal-help/faq/",
    "/legal-help/my-question/",
    "/incidents/",
    Found("/incidents/", r"^/incidents/\d+/$"),
    "/incidents/report/",
    "/incidents/follow-up/",
    "/observers/apply/",
    "/observers/apply/status/",
    "/observers/network/",
    "/checklists/summary/",
    "/media/",
    "/training/first-time-voters/",
    "/training/first-vote/",
    "/training/first-vote/lessons/1/",
    "/training/first-vote/quiz/",
    "/accounts/login/",
    "/accounts/signup/",
    "/readiness/",
    "/readiness/self-check/",
    "/readiness/self-check/counts/",
    "/readiness/self-check/counts/?region=KZ-71",
    "/readiness/refusals/public/",
    "/dialogue/",
    Found("/dialogue/", r"^/dialogue/\d+/report/$"),
    "/dialogue/debates/",
    "/dialogue/debates/?q=%D1%84%D0%BE%D1%82%D0%BE",  # "фото"
    Found("/dialogue/debates/", r"^/dialogue/debates/\d+/$"),
    "/dialogue/voices/",
    "/dialogue/policy/",
    "/dialogue/moderation/log/",
]

# The pages each signed-in role has beyond the public ones (which look the same to everyone
# but for the header, so each role walks its home page for the header and menu).
OWN = {
    "observer": [
        "/observers/my-station/",
        "/observers/inbox/",
        "/checklists/",
        "/checklists/OP/",
        "/checklists/VT/",
        "/checklists/CL/",
        "/training/",
        "/training/observer-rights/",
        "/training/observer-rights/lessons/1/",
        "/training/observer-rights/quiz/",
        "/training/observer-rights/quiz/1/",
        "/results/protocol-photo/",
        "/incidents/report/",
    ],
    "coordinator": [
        "/observers/coverage/",
        "/observers/coverage/KZ-71/",
        "/observers/people/",
        Found("/observers/people/", r"^/observers/people/\d+/$"),
        "/observers/applications/",
        Found("/observers/applications/", r"^/observers/applications/\d+/$"),
        "/observers/not-checked-in/",
        "/observers/deployments/propose/",
        "/observers/deployments/csv/",
        "/observers/sos/",
        Found("/observers/sos/", r"^/observers/sos/\d+/$"),
        "/observers/broadcast/",
        "/observers/inbox/",
        "/checklists/dashboard/",
        "/checklists/quality/OP/",
        "/checklists/station/1/",
        "/results/reconciliation/",
        "/results/entry/",
        "/readiness/audits/",
        Found("/readiness/audits/", r"^/readiness/audits/\d+/$"),
        "/training/",
        "/readiness/monitoring/",
    ],
    "lawyer": [
        "/legal-help/queue/",
        Found("/legal-help/queue/", r"^/legal-help/queue/\d+/$"),
        "/observers/sos/",
        Found("/observers/sos/", r"^/observers/sos/\d+/$"),
        "/observers/inbox/",
        "/training/",
        "/readiness/refusals/",
        "/readiness/refusals/new/",
        Found("/readiness/refusals/", r"^/readiness/refusals/\d+/$"),
    ],
    "moderator": [
        "/incidents/moderation/",
        Found("/incidents/moderation/", r"^/incidents/moderation/\d+/$"),
        "/incidents/overdue/",
        "/dialogue/moderation/",
        "/dialogue/voices/queue/",
        "/dialogue/moderation/bans/",
        "/training/",
    ],
    "analyst": [
        "/forensics/",
        "/results/pvt/",
        "/results/reconciliation/",
        "/results/entry/",
        "/observers/coverage/",
        "/media/reliability/",
        "/media/finance/",
        "/readiness/audits/",
        Found("/readiness/audits/", r"^/readiness/audits/\d+/$"),
        "/training/",
        "/readiness/monitoring/",
        "/readiness/refusals/",
    ],
    # The administrator may open every page above; these are the ones whose content differs
    # for someone who sees every region.
    "admin": [
        "/admin/",
        "/observers/coverage/",
        "/observers/people/",
        "/observers/sos/",
        "/training/",
    ],
    # Experts and journalists run the statistical tests on files they bring.
    **{
        role: ["/forensics/", "/training/", "/dialogue/voices/apply/"]
        for role in ("expert", "journalist")
    },
    "media_monitor": [
        "/media/coding/",
        Found("/media/coding/", r"^/media/coding/\d+/$"),
        "/training/",
    ],
    "candidate_team": ["/training/"],
    "citizen": [
        "/training/first-time-voters/",
        "/training/first-vote/quiz/",
        Found("/dialogue/", r"^/dialogue/\d+/$"),
        "/dialogue/debates/new/",
        Found("/dialogue/debates/", r"^/dialogue/debates/\d+/$"),
    ],
}

PAGES: dict[str, list[str | Found]] = {
    VISITOR: PUBLIC,
    **{role: ["/", *pages] for role, pages in OWN.items()},
}
