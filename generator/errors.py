"""The exceptions news-digest raises; the CLI turns each into one line that names the cause."""


class DigestError(Exception):
    """Base class: anything the user can fix gets one of these, never a bare traceback."""


class ConfigError(DigestError):
    """Raised by ``config.load_settings`` when ``digest.yml`` or a CLI flag is invalid."""


class InputError(DigestError):
    """Raised when no input could be read at all (a missing path, an empty corpus)."""


class BuildError(DigestError):
    """Raised by ``pages`` and ``site`` when the site cannot be written; the old site stays."""
