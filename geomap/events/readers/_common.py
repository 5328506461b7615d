"""The readers' shared machinery, by concern (this module only gathers the names):

- :mod:`._files`: bytes, encoding detection, delimiter sniffing, batched pyarrow parsing;
- :mod:`._batch`: the column-wise read loop of the dataset readers;
- :mod:`._checks`: row checks as column operations;
- :mod:`._generic_columns`: the roles of a generic table's columns and its checks;
- :mod:`._countries`: country codes; :mod:`._result`: :class:`ReadResult`.

Every reader follows one rule: each data row is either kept (one event) or rejected (with a
reason), so ``kept + rejected == rows`` always holds.
"""

from ._batch import malformed, raw_record
from ._checks import MIN_DATE
from ._countries import country_to_iso2, fips_to_iso2, gw_to_iso2
from ._files import decode_bytes, detect_encoding, read_bytes, sniff_delimiter
from ._result import REJECT_COLUMNS, ReadResult

__all__ = [
    "MIN_DATE",
    "REJECT_COLUMNS",
    "ReadResult",
    "country_to_iso2",
    "decode_bytes",
    "detect_encoding",
    "fips_to_iso2",
    "gw_to_iso2",
    "malformed",
    "raw_record",
    "read_bytes",
    "sniff_delimiter",
]
