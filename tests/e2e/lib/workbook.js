// Builds organisation import files (XLSX) whose columns follow the server's own export.
import ExcelJS from 'exceljs';

// The value of one organisation for an import column, matched by the column's name
// (English or Japanese header). Unknown columns stay empty.
export function valueForColumn(header, organisation) {
  const h = header.trim().toLowerCase();
  if (h.includes('external') || h.includes('ref') || h.includes('管理番号')) return organisation.external_ref;
  if (h.includes('kana') || h.includes('カナ') || h.includes('かな')) return organisation.name_kana;
  if ((h.includes('name') && h.includes('en')) || h.includes('英')) return organisation.name_en;
  if (h.includes('name') || h.includes('組織名') || h === '名称') return organisation.name;
  if (h.includes('sector') || h.includes('分野')) return organisation.sector;
  if (h.includes('size') || h.includes('規模')) return organisation.size;
  if (h.includes('region') || h.includes('所在') || h.includes('地域') || h.includes('都道府県')) return organisation.region;
  if (h.includes('mode') || h.includes('participation') || h.includes('参加形態')) return organisation.mode;
  return '';
}

export async function organisationWorkbook(headers, organisations) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('organisations');
  sheet.addRow(headers);
  for (const organisation of organisations) sheet.addRow(headers.map((h) => valueForColumn(h, organisation)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// The header row of a CSV export (UTF-8 with BOM, RFC 4180).
export function csvHeader(text) {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < first.length; i += 1) {
    const c = first[i];
    if (quoted) {
      if (c === '"' && first[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.filter((c) => c !== '');
}
