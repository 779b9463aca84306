from django.http import FileResponse, Http404, HttpRequest

from .evidence import public_dir
from .models import Evidence


def evidence_copy(request: HttpRequest, public_id) -> FileResponse:
    """The metadata-free copy of a photo. Its address is known only to the reporter (from the
    follow-up) and to staff until publication; it never carries EXIF or GPS."""
    evidence = Evidence.objects.filter(public_id=public_id).exclude(public_copy="").first()
    if evidence is None:
        raise Http404
    path = public_dir() / evidence.public_copy
    if not path.exists():
        raise Http404
    response = FileResponse(path.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response
