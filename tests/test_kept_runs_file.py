"""A saved file keeps where each kept run went, so the landscape draws it again when the file
is opened; a file that says it badly is refused, naming the field."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core.descent import ALL_WEIGHTS
from core.scenario import ScenarioError, dumps, loads


def drawn(win) -> list[tuple[np.ndarray, np.ndarray]]:
    """The kept runs' lines on the landscape, as its view holds them."""
    panel = win.descent_panel
    panel.tabs.setCurrentWidget(panel.landscape)
    panel.landscape.draw(win.session.snapshot)
    out = []
    for line, *_ in panel.landscape.view.ghosts:
        xs, ys = line.getData()
        if line.isVisible() and xs is not None and len(xs):
            out.append((np.asarray(xs), np.asarray(ys)))
    return out


@pytest.mark.parametrize("mode", ["w11", ALL_WEIGHTS])
def test_kept_runs_read_from_a_file_are_drawn_on_the_landscape_where_they_went(win, mode):
    s = win.session
    s.descent.set_descent_param(mode)
    for optimizer in ("sgd", "momentum"):
        s.descent.set_optimizer(optimizer)
        for _ in range(6):
            s.descent.step()
        s.descent.keep_run()
        s.descent.reset()
    kept = [(g.along("w11"), g.along("w12")) for g in s.snapshot.ghosts]
    assert len(kept) == 2 and all(x is not None for x, _ in kept)
    before = drawn(win)
    assert len(before) == 2
    text = dumps(s.scenario())
    s.descent.clear_runs()
    assert drawn(win) == []
    s.load_scenario(loads(text))
    assert not s.modified  # the file says exactly what the window now shows
    after = drawn(win)
    assert len(after) == 2
    for (x0, y0), (x1, y1), (kx, ky) in zip(before, after, kept, strict=True):
        np.testing.assert_array_equal(x1, x0)
        np.testing.assert_array_equal(y1, y0)
        # where the session's own record says the run went, w12 constant unless it descended
        assert x1[0] == kx[0] and x1[-1] == kx[-1] and y1[-1] == ky[-1]
    if mode == "w11":
        assert np.all(after[0][1] == s.snapshot.params.get("w12"))


RUN = {"label": "lr = 0.5", "lr": 0.5, "x_name": "w11", "x": [0.4, 0.5]}
RUN |= {"steps": [0, 1], "loss": [0.27, 0.2]}
WENT = {"descended": "w11", "start": {"w11": 0.4}, "path": {"w11": [0.4, 0.5]}}


def file_with(run: dict) -> str:
    """The homework's file with ``run`` kept (json writes inf as Infinity, which it reads)."""
    from core.scenario import default

    data = json.loads(dumps(default()))
    data["descent"] = {**data.get("descent", {}), "runs": [run]}
    return json.dumps(data)


@pytest.mark.parametrize(
    "change, says",
    [
        ({"start": None}, "descended, start and path come together"),
        ({"descended": "w99"}, "descent.runs[0].descended"),
        ({"start": {"w11": "x"}}, "descent.runs[0].start.w11"),
        ({"start": {"q": 1}}, "descent.runs[0].start"),
        ({"path": {"w11": [0.4]}}, "one number a row"),
        ({"path": {"w12": [0.4, 0.5]}}, "the values of w11 alone"),
        ({"path": {"w11": [0.4, float("inf")]}}, "descent.runs[0].path.w11[1]"),
    ],
)
def test_a_kept_runs_path_said_badly_is_refused_naming_the_field(change, says):
    run = RUN | WENT | change
    if change.get("start", 0) is None:
        del run["start"]
    text = file_with(run)
    with pytest.raises(ScenarioError, match=says.replace("[", r"\[").replace("]", r"\]")):
        loads(text)


def test_a_file_without_where_its_runs_went_still_opens_and_draws_them_on_the_curves(win):
    s = win.session
    s.load_scenario(loads(file_with(RUN)))
    assert len(s.snapshot.ghosts) == 1 and s.snapshot.ghosts[0].along("w12") is None
    assert drawn(win) == []  # the landscape cannot say where it went
    assert "descended" not in s.scenario().descent["runs"][0]
