"""``python -m snhr_data``: the ``snhr-data`` command line, for a shell where the script is not on PATH."""
from .cli import run

if __name__ == "__main__":
    run()
