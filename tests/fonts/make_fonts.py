"""Makes the two small fonts the PDF tests write with: DejaVu Sans and DejaVu Sans Bold,
cut down (fontTools' subsetter) to Latin-1 and the punctuation articles use: dashes,
curly quotes, the bullet, the ellipsis and the rupee sign. Run once; the output is
committed. DejaVu's license (a free Bitstream Vera derivative) is in LICENSE-DejaVu.txt.

    uv run python tests/fonts/make_fonts.py /usr/share/fonts/truetype/dejavu
"""

import sys
from pathlib import Path

from fontTools import subset

CHARS = [*range(0x20, 0x7F), *range(0xA0, 0x100), 0x2013, 0x2014, 0x2018, 0x2019, 0x201C,
         0x201D, 0x2022, 0x2026, 0x20AC, 0x20B9, 0x2212, 0x25CF]


def main(source_dir: str) -> None:
    here = Path(__file__).parent
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(Path(source_dir) / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=CHARS)
        subsetter.subset(font)
        subset.save_font(font, str(here / name.replace(".ttf", "-subset.ttf")), options)


if __name__ == "__main__":
    main(sys.argv[1])
