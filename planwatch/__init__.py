"""planwatch: China's local development plans, read into indicator facts with evidence.

The pipeline, one package per stage:

    documents  -> load a file, decode it, mark page furniture, detect metadata
    extract    -> indicator facts with evidence offsets into the decoded text
    store      -> SQLite (default) or PostgreSQL, versioned documents and facts
    evaluate   -> link targets to results, verdicts, plan progress, findings
    web/export -> dashboard, JSON API, report tables

The CLI (`planwatch.cli`) and the web app are thin shells over these packages.
"""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
