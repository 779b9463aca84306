from django.http import FileResponse, Http404, HttpRequest

from amanat.evidence.services import copy_path, copy_version

from .models import Evidence


def evidence_copy(request: HttpRequest, public_id) -> FileResponse:
    """The metadata-free copy of a photo. Its address is known only to the reporter (from the
    follow-up) and to staff until publication; it never carries EXIF or GPS.

    Pages link it with ?v= the version of the copy (its content hash), which a redaction
    changes: that address may be kept by the browser. Any other address of the photo (no
    version, or the version before a blur) is served uncached, so a moderator checking a
    redaction always sees the copy as it is now."""
    evidence = Evidence.objects.filter(public_id=public_id).exclude(public_copy="").first()
    if evidence is None:
        raise Http404
    path = copy_path(evidence.public_copy)
    if not path.exists():
        raise Http404
    response = FileResponse(path.open("rb"), content_type="image/jpeg")
    version = copy_version(evidence.public_copy)
    if version and request.GET.get("v") == version:
        response["Cache-Control"] = "private, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
