-- hetong catalog, version 4: text read by OCR from scans, and page progress of upload items.

ALTER TABLE documents ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0;          -- pages whose text came from OCR
ALTER TABLE documents ADD COLUMN ocr_pending_pages INTEGER NOT NULL DEFAULT 0;  -- scanned pages waiting for OCR (Tesseract was unavailable)
ALTER TABLE documents ADD COLUMN ocr_spans TEXT;                                -- JSON [[start,end],…]: ranges of the text that came from OCR

ALTER TABLE upload_items ADD COLUMN progress TEXT;                              -- e.g. 'OCR 3/12 页' while the item is processed
