"""The questionnaire: form definition models, loader and engine. No Qt here."""
