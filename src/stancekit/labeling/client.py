"""The one private adapter over ``label_studio_sdk``.

Every call goes through :meth:`Studio.call`, which turns the SDK's failures into one-line stancekit errors
(never the SDK's header dump, never the token) and retries idempotent requests with backoff on 5xx, timeouts and
dropped connections. The SDK's own retries are off: it retries POSTs too, and a retried create can land twice.
The base client is used (not ``LabelStudio``, whose extensions import pandas): it saves seconds per command.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
from label_studio_sdk.base_client import LabelStudioBase
from label_studio_sdk.core.api_error import ApiError

from stancekit.errors import StudioAuthError, StudioError, StudioNotFoundError
from stancekit.labeling import server

T = TypeVar("T")
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
BACKOFF = (0.5, 1.5, 4.0)
PAGE_SIZE = 500
LIST_WORKERS = 2
"""Pages of a task listing fetched at once: the server serializes one page per request thread."""
LOCAL = "local"
"""The server identity of the campaign's own server (data in ``DIR/studio/data``), whatever port it runs on."""


@dataclass(frozen=True)
class Connection:
    url: str
    token: str
    source: str  # where the connection came from, for messages ("DIR/studio", "LABEL_STUDIO_URL", ...)
    server: str = ""  # the server's identity: LOCAL for the campaign's own server, else its URL

    def __post_init__(self) -> None:
        if not self.server:
            object.__setattr__(self, "server", self.url)


def _is_local(studio_dir: Path, url: str) -> bool:
    """Whether ``url`` is the campaign's own server, running now (named by its URL in LABEL_STUDIO_URL)."""
    try:
        local = server.info(studio_dir)
    except (StudioError, KeyError, ValueError):
        return False
    return local is not None and local.running and local.url == url


def resolve(studio_dir: Path, configured_url: str = "") -> Connection:
    """Where to connect: LABEL_STUDIO_URL (or ``[studio] url``) + LABEL_STUDIO_API_KEY, else the local server."""
    env_url = os.environ.get("LABEL_STUDIO_URL", "").strip()
    url = env_url or configured_url.strip()
    if url:
        token = os.environ.get("LABEL_STUDIO_API_KEY", "").strip()
        where = "LABEL_STUDIO_URL" if env_url else "[studio] url"
        if not token:
            raise StudioAuthError(f"{where} is set ({url}) but LABEL_STUDIO_API_KEY is empty: set it to a legacy "
                                  "token or a personal access token from the server's Account page")
        url = url.rstrip("/")
        return Connection(url, token, where, LOCAL if _is_local(studio_dir, url) else url)
    current = server.info(studio_dir)
    admin = server.load_admin(studio_dir)
    if current is None or admin is None:
        raise StudioError(f"no Label Studio server for this campaign ({studio_dir} has none): run "
                          "`stancekit studio up`, or set LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY")
    if not current.running:
        raise StudioError(f"the campaign's Label Studio server ({current.url}) is not running: "
                          "run `stancekit studio up`")
    return Connection(current.url, admin.token, str(studio_dir), LOCAL)


def _detail(body: Any) -> str:
    if isinstance(body, dict):
        if "validation_errors" in body:
            errs = body["validation_errors"]
            if isinstance(errs, dict):
                return "; ".join(f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}"
                                 for k, v in errs.items())
            return str(errs)
        for key in ("detail", "message", "error"):
            if key in body:
                return str(body[key]).rstrip(".")
        return ", ".join(f"{k}: {v}" for k, v in list(body.items())[:3])
    text = str(body or "").strip()
    if text.startswith("<"):
        return "(HTML error page)"
    return text.splitlines()[0][:200].rstrip(".") if text else "(no details)"


def translate(exc: Exception, url: str, what: str) -> Exception:
    """An SDK/httpx failure as a one-line stancekit error."""
    if isinstance(exc, httpx.ConnectError | httpx.RemoteProtocolError):
        return StudioError(f"cannot reach Label Studio at {url} ({what}): is the server running? "
                           "(`stancekit studio up` for the campaign's own server)")
    if isinstance(exc, httpx.TimeoutException):
        return StudioError(f"Label Studio at {url} did not answer in time ({what}); try again later")
    if isinstance(exc, ApiError):
        code = exc.status_code
        if code is None:
            return StudioAuthError(f"no Label Studio token ({what}): set LABEL_STUDIO_API_KEY")
        if code in (401, 403):
            return StudioAuthError(f"Label Studio at {url} refused the token ({code}, {what}): {_detail(exc.body)}. "
                                   "Check LABEL_STUDIO_API_KEY (a legacy token needs legacy tokens enabled in the "
                                   "organization settings) or the campaign's studio/admin.json")
        if code == 404:
            return StudioNotFoundError(f"Label Studio at {url}: {what} not found (404)")
        return StudioError(f"Label Studio at {url} rejected {what} ({code}): {_detail(exc.body)}")
    if isinstance(exc, httpx.HTTPError):
        return StudioError(f"Label Studio at {url} ({what}): {type(exc).__name__}")
    return exc


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, httpx.TimeoutException | httpx.RemoteProtocolError):
        return True
    return isinstance(exc, ApiError) and exc.status_code in RETRY_STATUS


def _complete(task: Any, task_keys: Sequence[str], annotation_keys: Sequence[str]) -> bool:
    """Whether a listed task carries every field asked for (and each annotation every annotation field)."""
    if not isinstance(task, dict) or any(k not in task for k in task_keys):
        return False
    if not annotation_keys:
        return True
    anns = task.get("annotations")
    return isinstance(anns, list) and all(isinstance(a, dict) and all(k in a for k in annotation_keys) for a in anns)


def _dump(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return obj
    out: dict[str, Any] = obj.model_dump(mode="json", by_alias=True)
    return out


class Studio:
    """A Label Studio connection with stancekit's error handling; the rest of stancekit uses only this."""

    def __init__(self, url: str, token: str, *, timeout: float = 60.0, backoff: tuple[float, ...] = BACKOFF,
                 server_id: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.server_id = server_id or self.url
        """Who the server is: ``LOCAL`` for the campaign's own server (its port changes at every start), else the
        URL. Projects are recorded under it (``projects.json``)."""
        self.backoff = backoff
        try:
            self._ls = LabelStudioBase(base_url=self.url, api_key=token, timeout=timeout, max_retries=0)
        except ApiError as exc:
            raise translate(exc, self.url, "connect") from None

    @classmethod
    def connect(cls, studio_dir: Path, configured_url: str = "") -> Studio:
        conn = resolve(studio_dir, configured_url)
        return cls(conn.url, conn.token, server_id=conn.server)

    # ---- plumbing ---------------------------------------------------------------------------------------------------

    def call(self, what: str, fn: Callable[..., T], *args: Any, retry: bool = True, **kwargs: Any) -> T:
        """Run one SDK call; retry with backoff when ``retry`` and the failure is transient."""
        delays = self.backoff if retry else ()
        for attempt in range(len(delays) + 1):
            try:
                return fn(*args, **kwargs)
            except (ApiError, httpx.HTTPError) as exc:
                if attempt < len(delays) and _retryable(exc):
                    time.sleep(delays[attempt])
                    continue
                raise translate(exc, self.url, what) from None
        raise AssertionError("unreachable")

    # ---- identity ---------------------------------------------------------------------------------------------------

    def whoami(self) -> dict[str, Any]:
        return _dump(self.call("the current user", self._ls.users.whoami))

    def check(self) -> dict[str, Any]:
        """Fail with one clear line unless the server answers and accepts the token."""
        return self.whoami()

    # ---- projects ---------------------------------------------------------------------------------------------------

    def project(self, project_id: int) -> dict[str, Any]:
        return _dump(self.call(f"project {project_id}", self._ls.projects.get, id=project_id))

    def projects(self) -> list[dict[str, Any]]:
        return [p for page in self._pages("the project list", self._ls.projects.list, 100) for p in page]

    def create_project(self, **fields: Any) -> dict[str, Any]:
        title = fields.get("title", "")
        return _dump(self.call(f"creating project {title!r}", self._ls.projects.create, retry=False, **fields))

    def update_project(self, project_id: int, **fields: Any) -> dict[str, Any]:
        return _dump(self.call(f"updating project {project_id}", self._ls.projects.update, id=project_id, **fields))

    # ---- tasks ------------------------------------------------------------------------------------------------------

    def iter_task_pages(self, project_id: int, *, fields: str = "task_only",
                        page_size: int = PAGE_SIZE) -> Iterator[list[dict[str, Any]]]:
        """Every task of a project, one page at a time (``fields="all"`` includes annotations)."""
        yield from self._pages(f"tasks of project {project_id}", self._ls.tasks.list, page_size,
                               project=project_id, fields=fields)

    def task_pages(self, project_id: int, *, fields: str = "task_only", task_keys: Sequence[str] = ("id", "data"),
                   annotation_keys: Sequence[str] = (), page_size: int = PAGE_SIZE,
                   workers: int = LIST_WORKERS) -> Iterator[list[dict[str, Any]]]:
        """Every task of a project as plain JSON, one page at a time in id order, ``workers`` pages in flight.

        Only ``task_keys`` (with ``fields="all"``, also ``annotation_keys`` of each annotation) are asked for, through
        the server's ``include`` parameter: the Data Manager's computed columns cost the server more than the task
        itself (a 10k-task listing without them takes a quarter of the time). A page that lacks any of them (a server
        that ignores ``include`` or reads it otherwise) is fetched again in full, and so is every later page.
        The listing is whole or fails: a task met twice is yielded once, and when the project's task count changes
        while it is listed (a concurrent import or deletion shifts the pages) StudioError is raised; run again then.
        """
        what = f"tasks of project {project_id}"
        names = [*task_keys, *(("annotations", *annotation_keys) if annotation_keys else ())]
        include = ",".join(dict.fromkeys(names))
        use_include = [bool(include)]  # shared by the page threads: turned off at the first incomplete page

        def fetch(page: int) -> tuple[int, list[dict[str, Any]]]:
            params: dict[str, Any] = {"project": project_id, "fields": fields, "page": page, "page_size": page_size,
                                      "resolve_uri": "false"}
            full = not use_include[0]
            body = self.call(f"{what} (page {page})", self._raw, "GET", "api/tasks/",
                             params=params if full else {**params, "include": include})
            tasks = list(body.get("tasks") or []) if isinstance(body, dict) else []
            if not full and not all(_complete(t, task_keys, annotation_keys) for t in tasks):
                use_include[0] = False
                body = self.call(f"{what} (page {page})", self._raw, "GET", "api/tasks/", params=params)
                tasks = list(body.get("tasks") or []) if isinstance(body, dict) else []
            return int(body.get("total") or 0) if isinstance(body, dict) else 0, tasks

        def changed(now: int | str) -> StudioError:
            return StudioError(f"Label Studio at {self.url}: project {project_id} changed while it was listed "
                               f"({total} tasks, then {now}: tasks were imported or deleted meanwhile); nothing was "
                               "written: run the command again")

        total, first = fetch(1)
        seen: set[int] = set()

        def fresh(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
            out = [t for t in tasks if int(t["id"]) not in seen]
            seen.update(int(t["id"]) for t in out)
            return out

        if first:
            yield fresh(first)
        n_pages = -(-total // page_size)
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            pending: deque[Future[tuple[int, list[dict[str, Any]]]]] = deque()
            queued = 1
            while pending or queued < n_pages:
                while queued < n_pages and len(pending) < max(1, workers):
                    queued += 1
                    pending.append(pool.submit(fetch, queued))
                try:
                    now, tasks = pending.popleft().result()
                except StudioNotFoundError:
                    raise changed("fewer") from None  # a page past the end: tasks were deleted
                if now != total:
                    for f in pending:
                        f.cancel()
                    raise changed(now)
                if tasks:
                    yield fresh(tasks)
        if len(seen) != total:
            raise changed(len(seen))

    def _pages(self, what: str, fn: Callable[..., Any], page_size: int,
               **kwargs: Any) -> Iterator[list[dict[str, Any]]]:
        """Page through a list endpoint; each page is fetched (and retried) on its own."""
        page = 1
        while True:
            try:
                pager = self.call(f"{what} (page {page})", fn, page=page, page_size=page_size, **kwargs)
            except StudioNotFoundError:
                if page == 1:
                    raise
                return  # past the last page the server answers 404 "Invalid page"
            items = [_dump(t) for t in (pager.items or [])]
            if items:
                yield items
            if len(items) < page_size:
                return
            page += 1

    def has_task_with(self, project_id: int, key: str, value: str) -> bool:
        """Whether any task of the project has ``data[key] == value``: one Data Manager filtered request for one task
        (a server that ignores the filter is answered by listing the project)."""
        what = f"tasks of project {project_id} with {key} = {value!r}"
        query = {"filters": {"conjunction": "and", "items": [
            {"filter": f"filter:tasks:data.{key}", "operator": "equal", "type": "String", "value": value}]}}
        body = self.call(what, self._raw, "GET", "api/tasks/", params={
            "project": project_id, "page_size": 1, "fields": "task_only", "include": "id,data",
            "resolve_uri": "false", "query": json.dumps(query)})
        tasks = list(body.get("tasks") or []) if isinstance(body, dict) else []
        if not tasks:
            return False
        if (tasks[0].get("data") or {}).get(key) == value:
            return True
        return any((t.get("data") or {}).get(key) == value
                   for page in self.task_pages(project_id, task_keys=("id", "data")) for t in page)

    def import_tasks(self, project_id: int, tasks: list[dict[str, Any]]) -> list[int]:
        """Import one batch; never retried (the caller re-lists and dedupes after a failure)."""
        resp = self.call(f"importing {len(tasks)} tasks into project {project_id}", self._ls.projects.import_tasks,
                         id=project_id, request=tasks, return_task_ids=True, retry=False)
        return [int(i) for i in (resp.task_ids or [])]

    def update_task(self, task_id: int, **fields: Any) -> dict[str, Any]:
        return _dump(self.call(f"updating task {task_id}", self._ls.tasks.update, id=str(task_id), **fields))

    def delete_task(self, task_id: int) -> None:
        self.call(f"deleting task {task_id}", self._ls.tasks.delete, id=str(task_id))

    # ---- annotations (simulation and tests) -------------------------------------------------------------------------

    def create_annotation(self, task_id: int, **fields: Any) -> dict[str, Any]:
        return _dump(self.call(f"annotating task {task_id}", self._ls.annotations.create, id=task_id, retry=False,
                               **fields))

    def create_prediction(self, task_id: int, prediction: dict[str, Any]) -> dict[str, Any]:
        """Attach a model's suggestion to a task (never retried: a retried create could land twice)."""
        return _dump(self.call(f"adding a prediction to task {task_id}", self._ls.predictions.create, task=task_id,
                               retry=False, **prediction))

    def update_annotation(self, annotation_id: int, **fields: Any) -> dict[str, Any]:
        return _dump(self.call(f"updating annotation {annotation_id}", self._ls.annotations.update,
                               id=annotation_id, **fields))

    # ---- users and the organization ---------------------------------------------------------------------------------

    def users(self) -> list[dict[str, Any]]:
        return [_dump(u) for u in self.call("the user list", self._ls.users.list)]

    def create_user(self, email: str, **fields: Any) -> dict[str, Any]:
        return _dump(self.call(f"creating a user for {email}", self._ls.users.create, email=email, username=email,
                               retry=False, **fields))

    def update_user(self, user_id: int, **fields: Any) -> dict[str, Any]:
        return _dump(self.call(f"updating user {user_id}", self._ls.users.update, id=user_id, **fields))

    def members(self, org_id: int) -> list[dict[str, Any]]:
        """Active members of the organization (each with ``user`` = the user's record)."""
        pager = self.call("the organization's members", self._ls.organizations.members.list, id=org_id,
                          page_size=1000, is_deleted=False)
        return [_dump(m) for m in (pager.items or [])]

    def remove_member(self, org_id: int, user_id: int) -> None:
        """Soft-delete a member: the user can no longer work in the organization; their annotations stay."""
        self.call(f"removing user {user_id} from the organization", self._raw, "DELETE",
                  f"api/organizations/{org_id}/memberships/{user_id}/")

    def invite_link(self) -> str:
        body = self.call("the invite link", self._raw, "GET", "api/invite")
        return f"{self.url}{body['invite_url']}"

    def _raw(self, method: str, path: str, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        """An endpoint the SDK does not wrap (or a lighter call than its models), with the SDK's auth; errors raised
        as ApiError like the SDK's. Plain JSON back: no pydantic models to build and dump again."""
        resp = self._ls._client_wrapper.httpx_client.request(path, method=method, json=json, params=params)
        try:
            body = resp.json() if resp.content else None
        except ValueError:
            body = resp.text
        if resp.status_code >= 400:
            raise ApiError(status_code=resp.status_code, body=body)
        return body
