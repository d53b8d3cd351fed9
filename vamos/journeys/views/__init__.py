"""Views of the journeys app: ``journey`` (lists, overview, timeline, PDF), ``work`` (what
coaches record) and ``team`` (the team admin's application queue and assignments)."""
