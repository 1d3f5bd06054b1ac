# lkip: the two commands of the README.
#   make report  - set up .venv and render the Umbulsari 2023 report
#   make test    - set up everything the tests need and run the whole suite
# Works on a fresh clone with Python >= 3.11 and no conda.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SUDO   := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
# Debian packages used by the tests: headless Chromium (the report opened as users
# open it), poppler-utils (pdftotext/pdftoppm), DejaVu fonts (charts in the PDF),
# LibreOffice Writer without GUI (soffice --headless --convert-to pdf: laporan.docx opens
# without repair), LibreOffice Calc without GUI (the Excel template printed and saved
# again) and Liberation fonts (metric twins of Arial, the DOCX's font).
APT_PACKAGES := chromium poppler-utils fonts-dejavu-core libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2
PYTEST_ARGS ?=

.PHONY: setup system-deps report test lint clean help

help:
	@echo "make report   render outputs/2023/umbulsari/ (laporan.html, laporan.pdf, laporan.docx, notebooks/)"
	@echo "make test     run the whole test suite (sets up .venv and system packages)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (lkip)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	[ -d /usr/share/fonts/truetype/liberation2 ] || missing="$$missing fonts-liberation2"; \
	if [ -n "$$missing" ]; then \
	  echo "Memasang paket sistem:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	fi

report: setup system-deps
	$(BIN)/lkip render --kecamatan Umbulsari --tahun 2023 --format html,pdf,docx

test: setup system-deps lint
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

# ruff (style, imports, bugbear) and mypy (the package's annotations) must both pass.
lint: setup
	$(BIN)/ruff check lkip_helpers tests bench
	$(BIN)/mypy

clean:
	rm -rf outputs/2* .pytest_cache .hypothesis
