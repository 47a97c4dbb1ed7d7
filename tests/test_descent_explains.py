"""The descent banner says what the run is doing and why: oscillating, stagnating, diverging."""

from dataclasses import replace

from core.scenario import default
from gui.state.session import Session


def stepped(session, n):
    for _ in range(n):
        session.descent.step()
    return session.snapshot.descent


def test_a_calm_descent_shows_no_banner(session):
    assert stepped(session, 10).banner == ""


def test_w11_at_rate_30_says_it_oscillates(qtbot):
    session = Session(replace(default(), learning_rate=30.0))
    d = stepped(session, 60)
    assert d.banner.startswith("Oscillating") and "changed sign" in d.banner


def test_w11_at_rate_50_says_the_sigmoids_are_saturated(qtbot):
    session = Session(replace(default(), learning_rate=50.0))
    d = stepped(session, 3)
    assert d.banner.startswith("Stagnating") and "saturated" in d.banner


def test_a_head_weight_at_rate_2_says_it_diverges(qtbot):
    session = Session(replace(default(), learning_rate=2.0))
    session.descent.set_descent_param("selected")
    session.select("wa")
    d = stepped(session, 5)
    assert d.banner.startswith("Diverging") and "grew on each" in d.banner


def test_w11_at_rate_100_stops_and_says_it_stagnates(qtbot):
    session = Session(replace(default(), learning_rate=100.0))
    d = stepped(session, 1)
    assert d.step == 0 and d.banner.startswith("Learning rate too large, so the descent stagnates")


def test_oscillation_explains_but_does_not_stop_play(session, qtbot):
    session.descent.set_learning_rate(30.0)
    session.descent.set_stop_rule(80)
    session.descent.set_speed(1000)
    session.descent.play()
    qtbot.waitUntil(lambda: not session.snapshot.descent.playing, timeout=10_000)
    d = session.snapshot.descent
    assert d.step == 80 and d.banner.startswith("Oscillating") and "80" in d.status


def test_the_banner_is_on_show_in_the_window(window, session):
    session.descent.set_learning_rate(50.0)
    stepped(session, 3)
    banner = window.descent_panel.banner
    assert banner.isVisible() and banner.text().startswith("Stagnating")
