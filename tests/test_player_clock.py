""" "N steps/s" plays N steps a second of the clock, driven here by a fake clock (no timing)."""

import math
import random

import pytest

from gui.state.player import Player


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def played(speed: float, gaps: list[float], qtbot=None) -> tuple[int, float]:
    """Steps handed out when ticks come after ``gaps`` seconds each, and the clock time."""
    clock, steps = FakeClock(), []
    player = Player(steps.append, lambda: None, hold=lambda: False, clock=clock)
    player.start(speed)
    for gap in gaps:
        clock.now += gap
        player.tick()
    player.stop()
    return sum(steps), sum(gaps)


@pytest.mark.parametrize("speed", [1, 5, 20, 60, 333, 1000])
def test_ticks_on_time_play_the_speed(speed, qtbot):
    interval = max(0.016, 1 / speed)  # the timer's interval
    steps, seconds = played(speed, [interval] * 600)
    assert steps == math.floor(speed * seconds + 1e-6)


@pytest.mark.parametrize("speed", [5, 20, 60, 200])
def test_late_and_uneven_ticks_lose_no_step(speed, qtbot):
    """A busy frame makes the timer late (62 ms instead of 50): steps still follow the clock."""
    rng = random.Random(12)
    gaps = [rng.uniform(0.040, 0.095) for _ in range(400)]
    steps, seconds = played(speed, gaps)
    assert abs(steps - speed * seconds) <= 1  # within one step of N * seconds
    assert abs(steps / seconds - speed) <= 0.05 * speed


def test_twenty_steps_a_second_for_ten_seconds_at_sixteen_frames_a_second(qtbot):
    steps, seconds = played(20, [1 / 16] * 160)  # ten seconds at 16 ticks a second
    assert seconds == pytest.approx(10) and steps == 200


def test_a_stall_does_not_race_through_the_backlog(qtbot):
    steps, _ = played(100, [0.01] * 10 + [3.0] + [0.01] * 10)
    # 10 steps before, at most a quarter second's (25) for the stall, 10 after
    assert steps == 10 + 25 + 10


def test_changing_speed_while_playing_counts_at_the_new_speed(qtbot):
    clock, steps = FakeClock(), []
    player = Player(steps.append, lambda: None, hold=lambda: False, clock=clock)
    player.start(10)
    for _ in range(20):  # 2 s at 10/s
        clock.now += 0.1
        player.tick()
    player.timer.start()  # the change re-bases only a running player
    player.set_speed(50)
    for _ in range(100):  # 2 s at 50/s
        clock.now += 0.02
        player.tick()
    player.stop()
    assert sum(steps) == 20 + 100


def test_a_modal_dialog_pauses_instead_of_stepping(qtbot):
    clock, steps, paused = FakeClock(), [], []
    player = Player(steps.append, lambda: paused.append(1), hold=lambda: True, clock=clock)
    player.start(20)
    clock.now += 1.0
    player.tick()
    player.stop()
    assert steps == [] and paused == [1]
