"""The readers' shared machinery, by concern (this module only gathers the names):

- :mod:`._files`: bytes, encoding detection, delimiter sniffing, batched pyarrow parsing;
- :mod:`._batch`: the column-wise read loop of the dataset readers;
- :mod:`._checks`: row checks as column operations;
- :mod:`._rows`: row-by-row reading and scalar checks (generic tables, GKG);
- :mod:`._countries`: country codes; :mod:`._result`: :class:`ReadResult`.

Every reader follows one rule: each data row is either kept (one event) or rejected (with a
reason), so ``kept + rejected == rows`` always holds.
"""

from ._batch import malformed, raw_record
from ._checks import MIN_DATE
from ._countries import country_to_iso2, fips_to_iso2, gw_to_iso2
from ._files import decode_bytes, detect_encoding, read_bytes, sniff_delimiter
from ._result import REJECT_COLUMNS, ReadResult
from ._rows import (
    DateParser,
    Sink,
    Table,
    blank,
    check_coords,
    check_date,
    load_delimited,
    row_dict,
    text_or_none,
)

__all__ = [
    "MIN_DATE",
    "REJECT_COLUMNS",
    "DateParser",
    "ReadResult",
    "Sink",
    "Table",
    "blank",
    "check_coords",
    "check_date",
    "country_to_iso2",
    "decode_bytes",
    "detect_encoding",
    "fips_to_iso2",
    "gw_to_iso2",
    "load_delimited",
    "malformed",
    "raw_record",
    "read_bytes",
    "row_dict",
    "sniff_delimiter",
    "text_or_none",
]
