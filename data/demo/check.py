#!/usr/bin/env python3
"""Validate the demo region data: producers.csv and products.csv in this folder.

Usage: python3 data/demo/check.py ADMIN_UNITS_DIR [BANKS_CSV]

ADMIN_UNITS_DIR holds provinces.csv and communes.csv (the 2025 units, see
data/admin-units/README.md). BANKS_CSV defaults to ADMIN_UNITS_DIR/../banks/napas-banks.csv.
The OCOP product sets are read from ../ocop/product_sets.csv next to this script.
Exits with status 1 and lists every problem found, or prints a summary and exits 0.
"""

import csv
import datetime
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

PRODUCER_COLS = ['slug', 'name', 'kind', 'province_code', 'commune_code', 'street', 'phone', 'email',
                 'tax_code', 'story', 'bank_bin', 'bank_account', 'account_holder']
PRODUCT_COLS = ['producer_slug', 'slug', 'name', 'name_en', 'set_code', 'stars', 'certificate_no',
                'certificate_authority', 'certified_on', 'expires_on', 'price_vnd', 'unit', 'weight_g', 'stock',
                'sku', 'gtin', 'description', 'origin_commune_code', 'picture']
KINDS = {'doanh_nghiep', 'hop_tac_xa', 'to_hop_tac', 'ho_kinh_doanh'}
PICTURES = {'tea', 'rice', 'honey', 'ginseng', 'chilli', 'fish', 'cinnamon', 'meat', 'brocade', 'vinegar', 'fruit',
            'nut', 'mushroom', 'herb', 'bottle', 'craft', 'flower', 'coffee', 'tour'}
# The specialties the demo must show; each entry is satisfied by any of its alternatives,
# matched as a case- and tone-insensitive substring of a product name.
SPECIALTIES = [
    ('Shan tuyết tea', ['chè shan tuyết']),
    ('Séng Cù rice', ['gạo séng cù']),
    ('mint honey', ['mật ong bạc hà']),
    ('Lai Châu ginseng', ['sâm lai châu']),
    ('Mường Khương chilli sauce', ['tương ớt mường khương']),
    ('Sa Pa salmon', ['cá hồi sa pa']),
    ('Bảo Yên cinnamon', ['quế thanh bảo yên', 'quế bảo yên', 'bột quế bảo yên']),
    ('smoked pork', ['thịt lợn gác bếp']),
    ('smoked buffalo', ['thịt trâu gác bếp']),
    ('brocade', ['thổ cẩm']),
    ('tao meo vinegar', ['giấm táo mèo']),
    ('Múc pomelo', ['bưởi múc']),
    ('melon', ['dưa lưới', 'dưa vàng']),
    ('macadamia', ['mắc ca']),
    ('cordyceps', ['đông trùng hạ thảo']),
]
SLUG_RE = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
PHONE_RE = re.compile(r'^0(3[2-9]|5[2689]|7[06-9]|8[1-689]|9[0-46-9])\d{7}$')
EMAIL_RE = re.compile(r'^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$')
HOLDER_RE = re.compile(r'^[A-Z0-9][A-Z0-9 .&-]*$')
MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3]

errors = []


def err(where, msg):
    errors.append(f'{where}: {msg}')


def fold(s):
    """Lower-case and strip Vietnamese tone marks and diacritics (đ -> d)."""
    s = unicodedata.normalize('NFD', s.lower().replace('đ', 'd'))
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def mst_ok(code):
    if not re.fullmatch(r'\d{10}', code):
        return False
    check = 10 - sum(int(c) * w for c, w in zip(code[:9], MST_WEIGHTS)) % 11
    return check < 10 and check == int(code[9])


def gtin13_ok(code):
    if not re.fullmatch(r'\d{13}', code):
        return False
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(code[:12]))
    return (10 - total % 10) % 10 == int(code[12])


def add_months(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return datetime.date(y, m, min(d.day, last))


def read_table(path, columns):
    """Read a CSV strictly: exact header, the same field count on every record."""
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    if text.startswith('\ufeff'):
        err(path, 'starts with a byte order mark')
    if unicodedata.normalize('NFC', text) != text:
        err(path, 'is not NFC-normalised')
    records = list(csv.reader(text.splitlines(keepends=True), strict=True))
    if not records or records[0] != columns:
        err(path, f'header must be {",".join(columns)}')
        return []
    rows = []
    for n, rec in enumerate(records[1:], start=2):
        if len(rec) != len(columns):
            err(f'{path} record {n}', f'{len(rec)} fields, expected {len(columns)}')
            continue
        rows.append(dict(zip(columns, rec)))
    return rows


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    admin = sys.argv[1]
    banks_path = sys.argv[2] if len(sys.argv) == 3 else os.path.join(admin, '..', 'banks', 'napas-banks.csv')
    with open(os.path.join(admin, 'provinces.csv'), encoding='utf-8') as f:
        provinces = {r['code']: r for r in csv.DictReader(f)}
    with open(os.path.join(admin, 'communes.csv'), encoding='utf-8') as f:
        communes = {r['code']: r for r in csv.DictReader(f)}
    with open(banks_path, encoding='utf-8') as f:
        bins = {r['bin'] for r in csv.DictReader(f) if r['vietqr_status'] == '1' and r['bin']}
    with open(os.path.join(HERE, '..', 'ocop', 'product_sets.csv'), encoding='utf-8') as f:
        sets = list(csv.DictReader(f))
    set_codes = {r['set_code'] for r in sets}
    if len(sets) != 26 or len(set_codes) != 26:
        err('product_sets.csv', f'{len(sets)} rows / {len(set_codes)} distinct set codes, expected 26')
    if len({r['sector_code'] for r in sets}) != 6:
        err('product_sets.csv', 'expected 6 sectors')

    producers = read_table(os.path.join(HERE, 'producers.csv'), PRODUCER_COLS)
    products = read_table(os.path.join(HERE, 'products.csv'), PRODUCT_COLS)

    by_slug = {}
    for r in producers:
        where = f'producer {r["slug"]}'
        if not SLUG_RE.match(r['slug']):
            err(where, 'slug is not ascii kebab-case')
        if r['slug'] in by_slug:
            err(where, 'duplicate slug')
        by_slug[r['slug']] = r
        for col in ('name', 'street', 'story'):
            if not r[col].strip():
                err(where, f'empty {col}')
        if r['kind'] not in KINDS:
            err(where, f'bad kind {r["kind"]!r}')
        if r['province_code'] not in provinces:
            err(where, f'unknown province {r["province_code"]}')
        c = communes.get(r['commune_code'])
        if c is None:
            err(where, f'unknown commune {r["commune_code"]}')
        elif c['province_code'] != r['province_code']:
            err(where, f'commune {r["commune_code"]} is in province {c["province_code"]}, not {r["province_code"]}')
        if not PHONE_RE.match(r['phone']):
            err(where, f'bad mobile number {r["phone"]!r}')
        if not EMAIL_RE.match(r['email']):
            err(where, f'bad email {r["email"]!r}')
        if r['tax_code'] == '':
            if r['kind'] != 'ho_kinh_doanh':
                err(where, 'only household businesses may have no tax code')
        elif not mst_ok(r['tax_code']):
            err(where, f'invalid tax code {r["tax_code"]!r}')
        if r['bank_bin'] not in bins:
            err(where, f'BIN {r["bank_bin"]} is not a VietQR bank')
        if not re.fullmatch(r'\d{8,15}', r['bank_account']):
            err(where, f'bank account {r["bank_account"]!r} is not 8-15 digits')
        if not HOLDER_RE.match(r['account_holder']):
            err(where, f'account holder {r["account_holder"]!r} must be upper-case ASCII')
        sentences = len(re.findall(r'[.!?](\s|$)', r['story']))
        if not 2 <= sentences <= 4:
            err(where, f'story has {sentences} sentences, expected 2-4')

    today = datetime.date.today()
    slugs, skus = set(), set()
    certified = expired = with_gtin = 0
    for r in products:
        where = f'product {r["slug"]}'
        if not SLUG_RE.match(r['slug']):
            err(where, 'slug is not ascii kebab-case')
        if r['slug'] in slugs:
            err(where, 'duplicate slug')
        slugs.add(r['slug'])
        p = by_slug.get(r['producer_slug'])
        if p is None:
            err(where, f'unknown producer {r["producer_slug"]!r}')
        for col in ('name', 'name_en', 'unit', 'sku', 'description'):
            if not r[col].strip():
                err(where, f'empty {col}')
        if r['set_code'] not in set_codes:
            err(where, f'unknown OCOP set {r["set_code"]!r}')
        if r['picture'] not in PICTURES:
            err(where, f'unknown picture theme {r["picture"]!r}')
        cert = [r['certificate_no'], r['certificate_authority'], r['certified_on'], r['expires_on']]
        if r['stars'] == '':
            if any(cert):
                err(where, 'certificate fields without stars')
        elif r['stars'] in ('3', '4', '5'):
            certified += 1
            if not all(cert):
                err(where, 'stars without a full certificate')
            else:
                if not re.fullmatch(r'\d+/QĐ-[A-ZĐ-]+', r['certificate_no']):
                    err(where, f'odd certificate number {r["certificate_no"]!r}')
                try:
                    on = datetime.date.fromisoformat(r['certified_on'])
                    until = datetime.date.fromisoformat(r['expires_on'])
                    if until != add_months(on, 36):
                        err(where, 'certificate must last 36 months')
                    if until < today:
                        expired += 1
                    if on > today:
                        err(where, 'certified in the future')
                except ValueError:
                    err(where, 'dates must be ISO yyyy-mm-dd')
                if r['stars'] == '5' and not r['certificate_authority'].startswith('Bộ '):
                    err(where, '5 stars are granted by the ministry')
                if r['stars'] != '5' and not r['certificate_authority'].startswith('UBND tỉnh '):
                    err(where, '3-4 stars are granted by a provincial People\'s Committee')
        else:
            err(where, f'stars must be empty, 3, 4 or 5, not {r["stars"]!r}')
        for col, lo, hi in (('price_vnd', 1000, 50_000_000), ('weight_g', 1, 50_000), ('stock', 0, 500)):
            if not re.fullmatch(r'\d+', r[col]) or not lo <= int(r[col]) <= hi:
                err(where, f'{col} {r[col]!r} is not an integer in {lo}..{hi}')
        key = (r['producer_slug'], r['sku'])
        if key in skus:
            err(where, f'duplicate sku {r["sku"]} for its producer')
        skus.add(key)
        if r['gtin']:
            with_gtin += 1
            if not gtin13_ok(r['gtin']) or not r['gtin'].startswith('893'):
                err(where, f'invalid GS1 Vietnam GTIN-13 {r["gtin"]!r}')
        c = communes.get(r['origin_commune_code'])
        if c is None:
            err(where, f'unknown origin commune {r["origin_commune_code"]}')
        elif p is not None and c['province_code'] != p['province_code']:
            err(where, f'origin commune {r["origin_commune_code"]} is outside the producer\'s province')

    gtins = [r['gtin'] for r in products if r['gtin']]
    if len(gtins) != len(set(gtins)):
        err('products.csv', 'duplicate GTINs')
    names = [fold(r['name']) for r in products]
    for label, alternatives in SPECIALTIES:
        if not any(fold(a) in n for a in alternatives for n in names):
            err('products.csv', f'no product for the specialty {label} ({" / ".join(alternatives)})')
    if not any(r['name'].startswith('Sâm Lai Châu') for r in products):
        err('products.csv', 'no product named "Sâm Lai Châu ..."')
    used_provinces = {r['province_code'] for r in producers}
    if len(producers) < 64:
        err('producers.csv', f'{len(producers)} producers, need at least 64')
    if len(used_provinces) < 11:
        err('producers.csv', f'{len(used_provinces)} provinces, need at least 11')
    if len(products) < 320:
        err('products.csv', f'{len(products)} products, need at least 320')

    if errors:
        for e in errors:
            print(e)
        print(f'{len(errors)} problem(s)')
        return 1
    n = len(products)
    print(f'ok: {len(producers)} producers in {len(used_provinces)} provinces, {n} products; '
          f'{certified / n:.0%} OCOP-certified, {expired / n:.1%} with an expired certificate, '
          f'{with_gtin / n:.0%} with a GTIN')
    return 0


if __name__ == '__main__':
    sys.exit(main())
