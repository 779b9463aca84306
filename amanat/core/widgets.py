"""Form widgets every app shares."""

from django import forms

# <input type="date"> takes only ISO dates, whatever the language: a localised value
# ("06.11.2026" in Russian) would show the field empty. Django copies a widget per field.
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
