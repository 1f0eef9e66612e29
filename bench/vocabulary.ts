/**
 * Words and names for the bench generator (bench/generate.ts), taken from the shapes and vocabulary
 * of ../shared/corpus and ../shared/seeds: reference styles, committee and meeting names, paper types,
 * title topics, results and roles as the pages show them. People are invented name combinations
 * (elected members only; never staff).
 */

export type ReferenceStyle = 'hamburg' | 'leipzig' | 'osnabrueck' | 'regensburg' | 'braunschweig' | 'laatzen' | 'koeln';

export interface CitySpec {
  key: string;
  name: string;
  system: 'allris3' | 'allris4';
  baseUrl: string;
  style: ReferenceStyle;
  /** the council: [name, meeting name] */
  council: [string, string];
  /** relative size: big cities get more motions */
  weight: number;
}

export const CITIES: readonly CitySpec[] = [
  { key: 'hamburg-nord', name: 'Bezirk Hamburg-Nord', system: 'allris3', baseUrl: 'https://sitzungsdienst-hamburg-nord.hamburg.de/bi/', style: 'hamburg', council: ['Bezirksversammlung', 'Sitzung der Bezirksversammlung'], weight: 9 },
  { key: 'leipzig', name: 'Stadt Leipzig', system: 'allris3', baseUrl: 'https://ratsinformation.leipzig.de/allris_leipzig_public/', style: 'leipzig', council: ['Ratsversammlung', 'Sitzung der Ratsversammlung'], weight: 10 },
  { key: 'landkreis-osnabrueck', name: 'Landkreis Osnabrück', system: 'allris3', baseUrl: 'https://ris.lkos.de/bi/', style: 'osnabrueck', council: ['Kreistag des Landkreises Osnabrück', 'Sitzung des Kreistages'], weight: 5 },
  { key: 'laatzen', name: 'Stadt Laatzen', system: 'allris4', baseUrl: 'https://ris.laatzen.de/public/', style: 'laatzen', council: ['Rat der Stadt Laatzen', 'Sitzung des Rates der Stadt Laatzen'], weight: 2 },
  { key: 'hamburg-altona', name: 'Bezirk Hamburg-Altona', system: 'allris3', baseUrl: 'https://sitzungsdienst-altona.hamburg.de/bi/', style: 'hamburg', council: ['Bezirksversammlung Altona', 'Sitzung der Bezirksversammlung'], weight: 8 },
  { key: 'regensburg', name: 'Stadt Regensburg', system: 'allris3', baseUrl: 'https://www.regensburg.de/ris/', style: 'regensburg', council: ['Stadtrat', 'Sitzung des Stadtrates'], weight: 6 },
  { key: 'braunschweig', name: 'Stadt Braunschweig', system: 'allris4', baseUrl: 'https://ratsinfo.braunschweig.de/public/', style: 'braunschweig', council: ['Rat der Stadt Braunschweig', 'Sitzung des Rates'], weight: 7 },
  { key: 'hildesheim', name: 'Stadt Hildesheim', system: 'allris3', baseUrl: 'https://ratsinfo.hildesheim.de/bi/', style: 'koeln', council: ['Rat der Stadt Hildesheim', 'Sitzung des Rates der Stadt Hildesheim'], weight: 4 },
  { key: 'trier', name: 'Stadt Trier', system: 'allris4', baseUrl: 'https://ris.trier.de/public/', style: 'braunschweig', council: ['Stadtrat Trier', 'Sitzung des Stadtrates'], weight: 4 },
  { key: 'hamburg-mitte', name: 'Bezirk Hamburg-Mitte', system: 'allris3', baseUrl: 'https://sitzungsdienst-hamburg-mitte.hamburg.de/bi/', style: 'hamburg', council: ['Bezirksversammlung Hamburg-Mitte', 'Sitzung der Bezirksversammlung'], weight: 8 },
  { key: 'taunusstein', name: 'Stadt Taunusstein', system: 'allris4', baseUrl: 'https://ris.taunusstein.de/public/', style: 'laatzen', council: ['Stadtverordnetenversammlung', 'Sitzung der Stadtverordnetenversammlung'], weight: 2 },
  { key: 'hamburg-eimsbuettel', name: 'Bezirk Hamburg-Eimsbüttel', system: 'allris3', baseUrl: 'https://sitzungsdienst-eimsbuettel.hamburg.de/bi/', style: 'hamburg', council: ['Bezirksversammlung Eimsbüttel', 'Sitzung der Bezirksversammlung'], weight: 7 },
  { key: 'mainz-bingen', name: 'Landkreis Mainz-Bingen', system: 'allris3', baseUrl: 'https://ris.mainz-bingen.de/bi/', style: 'osnabrueck', council: ['Kreistag Mainz-Bingen', 'Sitzung des Kreistages'], weight: 3 },
  { key: 'hamburg-bergedorf', name: 'Bezirk Hamburg-Bergedorf', system: 'allris3', baseUrl: 'https://sitzungsdienst-bergedorf.hamburg.de/bi/', style: 'hamburg', council: ['Bezirksversammlung Bergedorf', 'Sitzung der Bezirksversammlung'], weight: 4 },
  { key: 'bitburg-pruem', name: 'Eifelkreis Bitburg-Prüm', system: 'allris3', baseUrl: 'https://ris.bitburg-pruem.de/bi/', style: 'osnabrueck', council: ['Kreistag', 'Sitzung des Kreistages'], weight: 2 },
  { key: 'augsburg', name: 'Stadt Augsburg', system: 'allris4', baseUrl: 'https://www.augsburg.sitzung-online.de/public/', style: 'braunschweig', council: ['Stadtrat Augsburg', 'Sitzung des Stadtrates'], weight: 8 },
  { key: 'westerstede', name: 'Stadt Westerstede', system: 'allris3', baseUrl: 'https://ris.westerstede.de/bi/', style: 'koeln', council: ['Rat der Stadt Westerstede', 'Sitzung des Rates'], weight: 1 },
  { key: 'hohenhameln', name: 'Gemeinde Hohenhameln', system: 'allris3', baseUrl: 'https://ris.hohenhameln.de/bi/', style: 'koeln', council: ['Gemeinderat Hohenhameln', 'Sitzung des Gemeinderates'], weight: 1 },
  { key: 'bonn', name: 'Bundesstadt Bonn', system: 'allris4', baseUrl: 'https://www.bonn.sitzung-online.de/public/', style: 'braunschweig', council: ['Rat der Stadt Bonn', 'Sitzung des Rates'], weight: 9 },
  { key: 'winnweiler', name: 'Verbandsgemeinde Winnweiler', system: 'allris3', baseUrl: 'https://ris.winnweiler.de/bi/', style: 'koeln', council: ['Verbandsgemeinderat', 'Sitzung des Verbandsgemeinderates'], weight: 1 },
];

/** Committees: [name, meeting name]. A city takes a deterministic selection. */
export const COMMITTEES: readonly [string, string][] = [
  ['Hauptausschuss', 'Sitzung des Hauptausschusses'],
  ['Mobilitätsausschuss', 'Sitzung des Mobilitätsausschusses'],
  ['Jugendhilfeausschuss', 'Sitzung des Jugendhilfeausschusses'],
  ['Kerngebietsausschuss', 'Sitzung des Kerngebietsausschusses'],
  ['Finanzausschuss', 'Sitzung des Finanzausschusses'],
  ['Schulausschuss', 'Sitzung des Schulausschusses'],
  ['Haushaltsausschuss', 'Sitzung des Haushaltsausschusses'],
  ['Verwaltungsausschuss', 'Sitzung des Verwaltungsausschusses'],
  ['Bauausschuss', 'Sitzung des Bauausschusses'],
  ['Kulturausschuss', 'Sitzung des Kulturausschusses'],
  ['Sozialausschuss', 'Sitzung des Sozialausschusses'],
  ['Umweltausschuss', 'Sitzung des Umweltausschusses'],
  ['Ausschuss für Digitalisierung, Organisation, Personal', 'Sitzung des Ausschusses für Digitalisierung, Organisation, Personal'],
  ['Ausschuss für Stadtentwicklung, Umwelt und Mobilität', 'Sitzung des Ausschusses für Stadtentwicklung, Umwelt und Mobilität'],
  ['Ausschuss für Planen und Bauen', 'Sitzung des Ausschusses für Planen und Bauen'],
  ['Ausschuss für Wirtschaft, Arbeit und Digitales', 'Sitzung des Ausschusses für Wirtschaft, Arbeit und Digitales'],
  ['Fachausschuss für Sport und Bildung', 'Sitzung des Fachausschusses für Sport und Bildung'],
  ['Ausschuss für Umweltfragen, Natur- und Klimaschutz', 'Sitzung des Ausschusses für Umweltfragen, Natur- und Klimaschutz'],
  ['Ausschuss für nachhaltige Stadtentwicklung und Feuerschutz', 'Sitzung des Ausschusses für nachhaltige Stadtentwicklung und Feuerschutz'],
  ['Regionalausschuss Nord', 'Sitzung des Regionalausschusses Nord'],
  ['Regionalausschuss Süd', 'Sitzung des Regionalausschusses Süd'],
  ['Ortsrat Stadtmitte', 'Sitzung des Ortsrates Stadtmitte'],
  ['Ortsbeirat Bleidenstadt', 'Sitzung des Ortsbeirates Bleidenstadt'],
  ['Ortsrat Neustadt', 'Sitzung des Ortsrates Neustadt'],
  ['Projektbeirat Behindertenpolitischer Teilhabeplan', 'Sitzung des Projektbeirates Behindertenpolitischer Teilhabeplan'],
  ['Seniorenbeirat', 'Sitzung des Seniorenbeirates'],
];

export const FACTIONS: readonly string[] = [
  'SPD-Fraktion', 'CDU-Fraktion', 'Fraktion GRÜNE', 'Fraktion Bündnis 90/DIE GRÜNEN', 'FDP-Fraktion', 'Fraktion DIE LINKE',
  'AfD-Fraktion', 'Volt-Fraktion', 'Fraktion Freie Wähler', 'CDU/FDP-Gruppe',
];

export const FIRST_NAMES: readonly string[] = [
  'Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hannes', 'Ilka', 'Jonas', 'Katrin', 'Lars', 'Mia', 'Nils',
  'Olga', 'Paul', 'Rieke', 'Sven', 'Tanja', 'Uwe', 'Vera', 'Wiebke', 'Yusuf', 'Zoe', 'Henrik', 'Patrick', 'Birte', 'Malte',
];

export const LAST_NAMES: readonly string[] = [
  'Albers', 'Brandt', 'Claußen', 'Dierks', 'Ehlers', 'Fischer', 'Göbel', 'Hansen', 'Iversen', 'Jürgens', 'Krüger', 'Lüders',
  'Möller', 'Nissen', 'Özdemir', 'Petersen', 'Quast', 'Rühmann', 'Schröder', 'Thießen', 'Ulrich', 'Voß', 'Wendt', 'Yilmaz',
  'Zander', 'Strate', 'Behrens', 'Carstens', 'Dreyer', 'Evers',
];

export const MEMBER_ROLES: readonly [string | null, number][] = [
  [null, 60], ['Mitglied', 20], ['Stellvertretendes Mitglied', 12], ['Vorsitzendes Mitglied', 2], ['Stellvertretender Vorsitz', 2],
  ['Schriftführung', 1], ['beratendes Mitglied', 3],
];

/** Paper types with their weight and whether they are a faction's motion. */
export const PAPER_TYPES: readonly [string, number, 'motion' | 'proposal' | 'notice' | 'question'][] = [
  ['Antrag', 24, 'motion'], ['gemeinsamer Antrag', 6, 'motion'], ['Beschlussvorlage', 20, 'proposal'],
  ['Mitteilungsvorlage Bezirksamt', 14, 'notice'], ['Informationsvorlage', 6, 'notice'], ['Beschlussempfehlung Ausschuss', 8, 'proposal'],
  ['Kleine Anfrage nach § 24 BezVG', 8, 'question'], ['Anfrage', 5, 'question'], ['Petition', 2, 'proposal'],
  ['Tischvorlage', 2, 'proposal'], ['Beantwortung einer Anfrage', 5, 'notice'],
];

/** Title topics; "{year}", "{n}" and "{place}" are filled in. Digitalisation topics as in the seeds. */
export const TOPICS: readonly string[] = [
  'Bezirkliche Sondermittel', 'Teilnahme der Stadt am bundesweiten Digitaltag {year}', 'Digitalisierung der Schulen in {place}',
  'Breitbandausbau im Gewerbegebiet {place}', 'Kostenloses WLAN in öffentlichen Gebäuden', 'Smart-City-Strategie der Stadt',
  'Open-Data-Portal: Fortschreibung {year}', 'Onlinezugangsgesetz (OZG): Stand der Umsetzung', 'Serviceportal und E-Government',
  'Glasfaseranschluss für alle Grundschulen', 'Livestream der Ratssitzungen', 'Online-Terminvergabe im Bürgeramt',
  'Sanierung der Sporthalle {place}', 'Bebauungsplan Nr. {n} "{place}"', 'Haushaltssatzung {year}', 'Radverkehrskonzept {place}',
  'Klimaanpassung auf Spielplätzen in {place}', 'Stadtteilkulturförderung {year}', 'Straßenverkehrsbehördliche Anordnung: {place}',
  'Umleitung der Metrobuslinie {n}', 'Sicherer Schulweg: Zebrastreifen in {place}', 'Vergabe der Mittel der Bezirksversammlung',
  'Ermächtigungen der Bezirksversammlung (Stand {year})', 'Wirtschaftsförderung in {place} stärken', 'Rattenplage im Bahnhofsviertel beenden',
  'Förderung aus Projektmitteln der Stadtteilkultur', 'Liste der aktuell offenen Beschlüsse', 'Fortführung des Bürgerbusses in {place}',
  'Integrierter Entwicklungsplan {place}: Zwischenbilanz', 'Kostenloses Trinkwasser in öffentlichen Gebäuden', 'Makerspace in der Volkshochschule',
  'Sensorik-Messnetz für Luftqualität', 'Beteiligungsportal für Bürgerinnen und Bürger', 'Ehrenamtsportal der Stadt', 'Neubau der Feuerwache {place}',
  'Wohnungsbau am {place}', 'Verkehrsberuhigung in der {place}', 'Jahresabschluss {year} der Stadtwerke', 'Zukunftsbericht Integration',
  'Bundesprogramm Anpassung urbaner Räume an den Klimawandel', 'Fortschreibung des Landes-Raumordnungsprogramms',
];

export const PLACES: readonly string[] = [
  'Hauptstraße', 'Am Markt', 'Bahnhofstraße', 'Groß Borstel', 'Niendorf-Nord', 'Langenhorn', 'Barmbek', 'Altstadt', 'Neustadt',
  'Nordstadt', 'Südviertel', 'Alsterdorfer Straße', 'Borsteler Chaussee', 'Winterhuder Weg', 'Heubergredder', 'Am Salgenholz',
  'Lindenallee', 'Schulstraße', 'Kirchweg', 'Mühlenkamp', 'Rathausplatz', 'Gewerbegebiet West', 'Osterfeld',
];

/** How a title ends, by paper kind; "{faction}" and "{committee}" are filled in. */
export const TITLE_TAILS: Record<'motion' | 'proposal' | 'notice' | 'question', readonly string[]> = {
  motion: [' Antrag der {faction}', ' – Antrag der {faction}', ' (Antrag der {faction})', ''],
  proposal: ['', ' – Beschlussempfehlung des {committee}', ' Hier: Beschluss'],
  notice: ['', ' – Sachstandsbericht', ' Hier: Mitteilung der Verwaltung'],
  question: [' Kleine Anfrage der {faction}', ' – Anfrage der {faction}', ''],
};

/** Results as shown, with their weight for a past meeting row. resultCode comes from classifyResult. */
export const RESULTS: readonly [string | null, number][] = [
  ['ungeändert beschlossen', 30], ['beschlossen', 10], ['zur Kenntnis genommen', 16], ['geändert beschlossen', 7],
  ['mehrheitlich zugestimmt', 5], ['vertagt', 8], ['abgelehnt', 5], ['überwiesen', 3], ['zurückgezogen', 1],
  ['nicht behandelt', 2], ['für erledigt erklärt', 2], [null, 11],
];

export const OFFICES: readonly string[] = [
  '40 Bildung und Sport', '10 Hauptamt', '20 Kämmerei', '61 Stadtplanung', '66 Tiefbauamt', 'Dezernat Digitalisierung',
  'Fachamt Sozialraummanagement', 'Bezirksamt', 'Fachbereich Umwelt', 'Stabsstelle Digitalisierung',
];

export const ROOMS: readonly string[] = [
  'Großer Sitzungssaal', 'Sitzungsraum des Technischen Rathauses (EG)', 'Ratssaal', 'Rathaus, Großer Rathaussaal',
  'Stadthaus - Mehrzweckraum - oder online', 'Kleiner Sitzungssaal, Raum 1.12', 'Bürgerhaus, Saal 2',
];

/** Agenda items that are not about a paper: before and after the papers. */
export const OPENING_ITEMS: readonly string[] = [
  'Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit', 'Genehmigung der Tagesordnung', 'Öffentliche Fragestunde',
  'Genehmigung der Niederschrift der letzten Sitzung',
];
export const CLOSING_ITEMS: readonly string[] = ['Mitteilungen der Verwaltung', 'Anfragen und Anregungen', 'Verschiedenes'];

/** Words for text sections: the seeds' vocabulary of municipal digitalisation and council business. */
export const TEXT_WORDS: readonly string[] = (
  'die der das und in den von zu mit für auf ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei ' +
  'Stadt Verwaltung Digitaltag Digitalisierung digitale Angebote Bürgerinnen Bürger Stadtbibliothek Volkshochschule Livestream ' +
  'Teilhabe Gesellschaft Stabsstelle Veranstaltung Aktion Bereich Lage Jahr Ziel Kooperation Titel Netzwelt Verwaltungsleistungen ' +
  'Onlinezugangsgesetz Serviceportal Breitband Glasfaser Schulen Ausstattung Förderung Haushalt Mittel Beschluss Antrag Ausschuss ' +
  'Bezirksamt Fraktion Sitzung Bericht Umsetzung Maßnahme Konzept Planung Bürgerbeteiligung Öffentlichkeit Kosten Euro Finanzierung ' +
  'Prüfung Stellungnahme Sachstand Fortschreibung Vorschlag Empfehlung Ergebnis Verfahren Zeitplan Projekt Standort Nutzung'
).split(' ');

export const TEXT_HEADINGS: Record<'motion' | 'proposal' | 'notice' | 'question', readonly string[]> = {
  motion: ['Sachverhalt', 'Petitum/Beschluss'],
  proposal: ['Beschlussvorschlag', 'Begründung', 'Finanzielle Auswirkungen'],
  notice: ['Sachverhalt', 'Anlagen'],
  question: ['Sachverhalt', 'Fragen', 'Antwort der Verwaltung'],
};
