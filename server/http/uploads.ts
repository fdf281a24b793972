/** A workbook upload: one file in the multipart field "file", kept in memory under UPLOAD_LIMIT. */
import type { RequestHandler } from 'express';
import multer from 'multer';

export function workbookUpload(uploadLimit: number): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: uploadLimit, files: 1, fields: 20, parts: 25 },
  }).single('file');
}
