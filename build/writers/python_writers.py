# Writes the fixture matrix's openpyxl and pandas workbooks (run by build/make-writer-fixtures.mjs).
#
# Reads {"out": folder, "customers": {...}, "orders": {...}} as JSON on stdin, the same data the
# exceljs reference is written from, and writes:
#   customers-openpyxl.xlsx, orders-openpyxl.xlsx   openpyxl's own API, as a script author would
#   customers-pandas.xlsx, customers-pandas-index.xlsx, orders-pandas.xlsx
#                                                   DataFrame.to_excel (engine openpyxl), with and
#                                                   without the index column
# openpyxl writes relationship targets as absolute part names (/xl/worksheets/sheet1.xml), writes
# formulas without cached values (so, like pandas, these files hold values, not formulas), and
# stores dates as serials under the number format asked for.
import datetime
import json
import os
import sys

import openpyxl
import pandas as pd

FIXED = datetime.datetime(2026, 1, 15)


def day(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d")


def values(table):
    """Rows with dates as datetime and formulas replaced by their values."""
    rows = []
    for row in table["rows"]:
        out = []
        for spec, cell in zip(table["columns"], row):
            out.append(day(cell) if spec["kind"] == "date" and cell is not None else cell)
        rows.append(out)
    return rows


def stamp(workbook):
    workbook.properties.creator = "make-writer-fixtures"
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED


def openpyxl_book(data, path, with_notes):
    workbook = openpyxl.Workbook()
    stamp(workbook)
    sheet = workbook.active
    table = data
    sheet.title = table["sheet"]
    sheet.append([c["header"] for c in table["columns"]])
    for row in values(table):
        sheet.append(row)
    for index, spec in enumerate(table["columns"], start=1):
        fmt = {"date": "dd/mm/yyyy", "percent": "0.0%", "money": "#,##0.00"}.get(spec["kind"])
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt
    if with_notes:
        notes = workbook.create_sheet(data["notesSheet"])
        for line in data["notes"]:
            notes.append([line])
    workbook.save(path)


def frame(table):
    df = pd.DataFrame(values(table), columns=[c["header"] for c in table["columns"]])
    for spec in table["columns"]:
        if spec["kind"] == "date":
            df[spec["header"]] = pd.to_datetime(df[spec["header"]])
    return df


def pandas_book(data, path, index, with_notes):
    # pandas' own defaults: bold bordered header, index column (unless index=False), dates under
    # "YYYY-MM-DD HH:MM:SS" (datetime_format); only the document properties are pinned.
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        stamp(writer.book)
        frame(data).to_excel(writer, sheet_name=data["sheet"], index=index)
        if with_notes:
            pd.DataFrame({data["notes"][0]: data["notes"][1:]}).to_excel(writer, sheet_name=data["notesSheet"], index=False)


def main():
    spec = json.load(sys.stdin)
    out = spec["out"]
    customers, orders = spec["customers"], spec["orders"]
    openpyxl_book(customers, os.path.join(out, "customers-openpyxl.xlsx"), True)
    openpyxl_book(orders, os.path.join(out, "orders-openpyxl.xlsx"), False)
    pandas_book(customers, os.path.join(out, "customers-pandas.xlsx"), False, True)
    pandas_book(customers, os.path.join(out, "customers-pandas-index.xlsx"), True, True)
    pandas_book(orders, os.path.join(out, "orders-pandas.xlsx"), False, False)
    print(f"openpyxl {openpyxl.__version__}, pandas {pd.__version__}")


main()
