"""The procrastinate app: jobs live in the same PostgreSQL as the data.

Each domain declares its tasks on a blueprint in its `tasks.py`; the worker
assembles them. Tasks bind their own sessions to one organization with
`tenant_session`, exactly as requests do.
"""

from __future__ import annotations

import procrastinate
from sqlalchemy.engine import make_url

from flightline.audit.tasks import blueprint as audit_tasks
from flightline.pipeline.tasks import blueprint as pipeline_tasks
from flightline.reviews.tasks import blueprint as intake_tasks
from flightline.worker.tasks import blueprint as queue_tasks


def libpq_url(sqlalchemy_url: str) -> str:
    return (
        make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )


def build_app(database_url: str) -> procrastinate.App:
    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=libpq_url(database_url)),
    )
    app.add_tasks_from(audit_tasks, namespace="audit")
    app.add_tasks_from(queue_tasks, namespace="queue")
    app.add_tasks_from(intake_tasks, namespace="intake")
    app.add_tasks_from(pipeline_tasks, namespace="pipeline")
    return app
