from amanat.checklists.tests.test_ingestion import field  # noqa: F401 - fixture
