"""The state of the app: the Session that owns it, the immutable snapshot every view draws
from, the live descent run, and the undoable commands. Views read a snapshot and call a verb;
nothing else here knows about widgets."""
