"""The offline world gazetteer (GeoNames places, Natural Earth divisions, US counties).

>>> from geomap.gazetteer import Gazetteer
>>> gaz = Gazetteer()
>>> gaz.search("Kursk region")[0].place.name
'Kursk Oblast'
"""

from .core import Candidate, Gazetteer
from .geonames_dump import import_geonames_dump

__all__ = ["Candidate", "Gazetteer", "import_geonames_dump"]
