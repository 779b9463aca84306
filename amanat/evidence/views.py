"""The exports' pages: the list of one's exports, one export's progress (htmx polling while it
is being prepared) and its download, for the person who asked and administrators only."""

import base64

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.audit.services import audit_record
from amanat.core.pagination import page_of

from .exports import export_kind, export_path, exports_visible_to, retention
from .models import Export


@login_required
def export_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    exports = exports_visible_to(request.user).filter(requested_by=request.user)
    page = page_of(request, exports)
    for export in page.object_list:
        kind = export_kind(export.builder)
        export.title = kind.title if kind else export.builder
    hours = int(retention().total_seconds() // 3600)
    return render(request, "evidence/export_list.html", {"page": page, "retention_hours": hours})


@login_required
def export_detail(request: AuthenticatedHttpRequest, public_id: str) -> HttpResponse:
    export = get_object_or_404(exports_visible_to(request.user), public_id=public_id)
    kind = export_kind(export.builder)
    context = {
        "export": export,
        "title": kind.title if kind else export.builder,
        "back": kind.back_url(export.params) if kind else "",
        "waiting": export.status == Export.Status.PENDING,
        "kept_until": export.finished_at + retention() if export.finished_at else None,
    }
    partial = request.headers.get("HX-Request") == "true"  # htmx polling the progress
    template = "evidence/_export_progress.html" if partial else "evidence/export_detail.html"
    return render(request, template, context)


@login_required
def export_download(request: AuthenticatedHttpRequest, public_id: str) -> FileResponse:
    export = get_object_or_404(
        exports_visible_to(request.user), public_id=public_id, status=Export.Status.READY
    )
    path = export_path(export)
    if not path.is_file():
        raise Http404  # deleted after the retention period, while the page was open
    audit_record(action="evidence.export_downloaded", actor=request.user, obj=export)
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=export.file_name,
        content_type=export.content_type,
    )  # fmt: skip
    digest = base64.b64encode(bytes.fromhex(export.sha256)).decode()
    response["Repr-Digest"] = f"sha-256=:{digest}:"  # RFC 9530: the client may check it
    response["Cache-Control"] = "private, no-store"
    return response
