"""The former name of ``snhr_data.charts``, kept only while the golden notebooks still import it."""
from .charts import *  # noqa: F401,F403
from .charts import __all__  # noqa: F401
