"""Exchanging intake data with other systems: FHIR Questionnaire/QuestionnaireResponse, CSV."""
