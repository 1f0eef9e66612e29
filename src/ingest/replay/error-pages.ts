/**
 * ALLRIS's error pages that come with status 200, as the replay server sends them for the
 * "error-page" fault. Hand-made after ../shared/ALLRIS-NOTES.md §7.8 and §2a (the wording the notes
 * quote; the markup around it is minimal — "Zugriff verweigert" comes without any, as the notes quote it),
 * not recordings.
 */
import type { ErrorPageVariant } from './faults';

const ALLRIS4_ERROR = (text: string) => `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>ALLRIS - Fehler</title>
<meta name="description" content="ALLRIS net Version 4.1.7 (4170041) - 08.07.2026"></head>
<body><div id="allris"><div class="message_header">Es ist ein Fehler aufgetreten</div>
<p>${text}</p></div></body></html>
`;

const ALLRIS3_PAGE = (text: string) => `<?xml version="1.0" encoding="iso-8859-1"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head>
<meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />
<title>ALLRIS net</title>
<meta name="description" content="ALLRIS net Version 3.9.5 (221117m)" />
</head><body><div id="allriscontainer"><div id="rismain">${text}</div></div></body></html>
`;

export function errorPage(variant: ErrorPageVariant): Buffer {
  switch (variant) {
    case 'zu-viele-zugriffe':
      return Buffer.from(ALLRIS4_ERROR('Zu viele Zugriffe aus Ihrem Netzwerk, Zugriff temporär gesperrt.'), 'utf8');
    case 'fehler':
      // the frame of the notes' rate-limit page; the sentence in it is made up (the notes quote none)
      return Buffer.from(ALLRIS4_ERROR('Die Anfrage konnte nicht bearbeitet werden.'), 'utf8');
    case 'zugriff-verweigert':
      return Buffer.from('Zugriff verweigert (Programm vo020.asp).<br>', 'latin1');
    case 'keine-information':
      return Buffer.from(ALLRIS3_PAGE('Keine Information verf&uuml;gbar'), 'latin1');
    case 'noauth':
      return Buffer.from(ALLRIS3_PAGE('<a href="noauth.asp">Anmeldung erforderlich</a>'), 'latin1');
  }
}
