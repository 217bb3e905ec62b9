"""Bytes of an article file → text, or an InputError saying why the bytes are not a text we can read."""

from __future__ import annotations

import codecs
import re

from newskg.ingest.errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
# A valid multi-byte UTF-8 sequence: if some are present but the whole is not UTF-8, encodings are mixed.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a guess is not trusted
# Western news that is not UTF-8 is nearly always Windows-1252; prefer it among equally good guesses.
PREFERRED_LEGACY_ENCODING = "cp1252"
UTF16_ZERO_SHARE = 0.5  # share of NUL bytes in one byte position that marks UTF-16 (high bytes of Latin text)


def _sniff_binary(data: bytes, name: str) -> None:
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{name}: binary file ({kind}), not an article text")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not an article text")


def _guess_legacy(data: bytes, name: str, error: UnicodeDecodeError) -> str:
    where = f"invalid UTF-8 at byte {error.start}"
    if _UTF8_MULTIBYTE.search(data) and error.end == len(data) and error.reason == "unexpected end of data":
        raise InputError(f"{name}: truncated: the file ends in the middle of a UTF-8 character")
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(f"{name}: mixed text encodings ({where}, though other parts are UTF-8); save it as UTF-8")
    import charset_normalizer  # only for the rare file that is not UTF-8

    matches = [m for m in charset_normalizer.from_bytes(data) if m.chaos <= MAX_CHAOS]
    if not matches:
        raise InputError(f"{name}: not UTF-8 ({where}) and no other text encoding fits it; save it as UTF-8")
    least_chaos = min(m.chaos for m in matches)
    best = [m for m in matches if m.chaos <= least_chaos + 0.01]
    chosen = next((m for m in best if m.encoding == PREFERRED_LEGACY_ENCODING), best[0])
    return str(chosen)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: mostly Latin text has a NUL in every other byte."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > UTF16_ZERO_SHARE * len(zeros) and others.count(0) < (1 - UTF16_ZERO_SHARE) * len(others):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    """Bytes in the encoding the page itself declares (an HTML meta charset), when that reads them."""
    if not declared:
        return None
    try:
        return data.decode(codecs.lookup(declared).name)
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """The text of a file's bytes, newlines normalised to \\n. UTF-8 (with or without BOM) and UTF-16/32 with a
    BOM are read as such; other bytes in the declared encoding if it fits, else by charset-normalizer's guess
    when it is confident."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding}") from exc
    else:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text = utf16
        else:
            _sniff_binary(data, name)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                text = _decode_declared(data, declared) or _guess_legacy(data, name, exc)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{name}: binary file (too many control characters), not an article text")
    if not text.strip():
        raise InputError(f"{name}: empty file (only whitespace)")
    return text
