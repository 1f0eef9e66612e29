/**
 * OParl File → FileRecord. ALLRIS quirks: `mimeType` as a bare extension ("pdf" → "application/pdf";
 * anything that is no MIME type and no known extension → null), `size: 0` for unknown (→ null),
 * `downloadUrl: ""` beside the real `accessUrl`. Pure.
 */
import type { ParseContext } from '../html/context';
import type { FileRecord } from '../records';
import { oparlBase } from './base';
import { fileUrl, oparlMimeType, oparlSize, oparlString, type OparlObject } from './quirks';

export function mapFile(f: OparlObject, ctx: ParseContext): FileRecord {
  return {
    ...oparlBase(f, 'File', ctx),
    name: oparlString(f.name),
    fileName: oparlString(f.fileName),
    mimeType: oparlMimeType(f.mimeType),
    accessUrl: fileUrl(f),
    size: oparlSize(f.size),
  };
}
