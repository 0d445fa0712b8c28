/**
 * Fictional but plausible Danish names for the sample data: municipalities, suppliers, people,
 * units and institutions. Every organisation, company and product name here is made up; any
 * likeness to a real company is a coincidence. Danish letters (æ, ø, å) are spread on purpose,
 * also at the start of names, because sorting with Danish collation must be exercised.
 *
 * @module
 */

/**
 * Fictional municipality names (without "Kommune"); none is one of Denmark's 98 real
 * municipalities. Scale N uses the first N; beyond the list, {@link municipalityName} composes
 * more from {@link PLACE_PREFIXES} and {@link PLACE_SUFFIXES}.
 */
export const MUNICIPALITY_NAMES: readonly string[] = [
  'Nordby',
  'Sønderlev',
  'Østerhøj',
  'Vesterå',
  'Bøgelund',
  'Ravnsholm',
  'Åmose',
  'Lindemark',
  'Egebjerg',
  'Kløverdal',
  'Ærtebjerg',
  'Hedelund',
  'Skovby',
  'Fjordvig',
  'Mølleå',
  'Kirkeholm',
  'Strandlev',
  'Ørnsted',
  'Hvidbjerg',
  'Rødhavn',
  'Grønnehave',
  'Birkedal',
  'Solbakke',
  'Bakkehøj',
  'Mosevang',
  'Ravnebjerg',
  'Hjortekær',
  'Falkenlund',
  'Lærkedal',
  'Engelev',
  'Sølund',
  'Kragsted',
  'Tranemose',
  'Nørrevang',
  'Sønderhav',
  'Østbro',
  'Vestskov',
  'Ny Egholm',
  'Gammelby',
  'Storå',
  'Lilleå',
  'Hedeby',
  'Skovlund',
  'Sørup',
  'Åbro',
  'Fjordholm',
  'Møllerup',
  'Kirkeby',
  'Strandby',
  'Hvidsten',
  'Rødkilde',
  'Grønsund',
  'Bøgeskov',
  'Egeby',
  'Lindholt',
  'Birkerup',
  'Ørnbæk',
  'Kløvermark',
  'Solhøj',
  'Bakkeby',
  'Mosby',
  'Ravnkær',
  'Hjortsvang',
  'Falkenby',
  'Lærkeskov',
  'Engby',
  'Sødal',
  'Kragelund',
  'Tranebæk',
  'Havrebjerg',
  'Nørlev',
  'Sønderskov',
  'Østmark',
  'Vestby',
  'Nybro',
  'Gammelå',
  'Storeholm',
  'Lillebæk',
  'Hedegaard',
  'Skovsted',
  'Søholt',
  'Ådal',
  'Fjordby',
  'Mølleby',
  'Kirkeå',
  'Strandholm',
  'Hvidkilde',
  'Rødbjerg',
  'Grønbjerg',
  'Bøgebjerg',
  'Egelund',
  'Lindeby',
  'Birkelund',
  'Ørnhøj',
  'Ællingsted',
  'Åskov',
  'Kærby',
  'Højlev',
  'Bækholm',
  'Ulvedal',
];

/** First halves of composed place names. */
export const PLACE_PREFIXES: readonly string[] = [
  'Nord',
  'Sønder',
  'Øster',
  'Vester',
  'Bøge',
  'Ege',
  'Linde',
  'Birke',
  'Ørne',
  'Å',
  'Skov',
  'Sø',
  'Mølle',
  'Kirke',
  'Strand',
  'Hede',
  'Ravne',
  'Lærke',
  'Æble',
  'Hjorte',
];

/** Second halves of composed place names. */
export const PLACE_SUFFIXES: readonly string[] = [
  'by',
  'lev',
  'sted',
  'rup',
  'holm',
  'bjerg',
  'lund',
  'vig',
  'dal',
  'høj',
  'mark',
  'havn',
  'bro',
  'kær',
  'løse',
];

/**
 * The name (without "Kommune") of the `index`th municipality: the curated list first, then
 * composed names, numbered only if even those run out.
 *
 * @example
 * ```ts
 * municipalityName(0); // 'Nordby'
 * ```
 */
export function municipalityName(index: number): string {
  const curated = MUNICIPALITY_NAMES[index];
  if (curated !== undefined) return curated;
  const i = index - MUNICIPALITY_NAMES.length;
  const combos = PLACE_PREFIXES.length * PLACE_SUFFIXES.length;
  const prefix = PLACE_PREFIXES[i % PLACE_PREFIXES.length]!;
  const suffix = PLACE_SUFFIXES[Math.floor(i / PLACE_PREFIXES.length) % PLACE_SUFFIXES.length]!;
  const base = `${prefix}${suffix}`;
  const round = Math.floor(i / combos);
  return round === 0 ? `${base}holt` : `${base}holt ${round + 1}`;
}

/** First word of supplier names. */
export const SUPPLIER_FIRST_WORDS: readonly string[] = [
  'Nordlys',
  'Bølgen',
  'Fyrtårn',
  'Kompas',
  'Egetræ',
  'Havørn',
  'Solsikke',
  'Lærkesang',
  'Ørnereden',
  'Åkande',
  'Fjeldet',
  'Kløverblad',
  'Stjerneskud',
  'Vindrose',
  'Brobygger',
  'Regnbue',
  'Tusindfryd',
  'Hvidtjørn',
  'Skovmærke',
  'Isbjerg',
  'Nordstjerne',
  'Havblik',
  'Klitrose',
  'Strandeng',
  'Lyngbakke',
  'Fjordlys',
  'Sølvpil',
  'Guldsmed',
  'Æblegård',
  'Østenvind',
  'Vesterled',
  'Kildevæld',
  'Morgengry',
  'Tranebær',
  'Ædelsten',
  'Ålegræs',
  'Bøgeskov',
  'Granly',
  'Højskov',
  'Mågeklit',
];

/** Second word of supplier names. */
export const SUPPLIER_SECOND_WORDS: readonly string[] = [
  'Data',
  'Software',
  'IT',
  'Systemer',
  'Digital',
  'Consult',
  'Informatik',
  'Teknologi',
  'Solutions',
  'Netværk',
  'Cloud',
  'Analyse',
];

/** Danish company forms with their share of suppliers. */
export const SUPPLIER_FORMS: readonly (readonly [string, number])[] = [
  ['A/S', 50],
  ['ApS', 40],
  ['I/S', 5],
  ['P/S', 5],
];

/** Fictional foreign suppliers, with the country option (`country-codes`) they are registered in. */
export const FOREIGN_SUPPLIERS: readonly (readonly [name: string, countryCode: string])[] = [
  ['Fjellvind Systems AS', 'NO'],
  ['Skärgård Data AB', 'SE'],
  ['Nordwind Software GmbH', 'DE'],
  ['Harbour Digital Ltd', 'GB'],
  ['Revontuli Oy', 'FI'],
  ['Polderdata B.V.', 'NL'],
];

/** Common Danish first names. */
export const FIRST_NAMES: readonly string[] = [
  'Anne',
  'Kirsten',
  'Mette',
  'Hanne',
  'Anna',
  'Helle',
  'Susanne',
  'Lene',
  'Maria',
  'Marianne',
  'Lone',
  'Camilla',
  'Pia',
  'Louise',
  'Charlotte',
  'Tina',
  'Gitte',
  'Bente',
  'Karen',
  'Inge',
  'Jette',
  'Sofie',
  'Ida',
  'Emma',
  'Freja',
  'Signe',
  'Birgitte',
  'Lærke',
  'Astrid',
  'Ulla',
  'Åse',
  'Bodil',
  'Dorthe',
  'Else',
  'Søs',
  'Peter',
  'Michael',
  'Jens',
  'Lars',
  'Thomas',
  'Henrik',
  'Søren',
  'Christian',
  'Martin',
  'Jan',
  'Morten',
  'Jesper',
  'Anders',
  'Niels',
  'Rasmus',
  'Mads',
  'Mikkel',
  'Jørgen',
  'Hans',
  'Per',
  'Ole',
  'Kim',
  'Frederik',
  'Mathias',
  'Jakob',
  'Bjørn',
  'Kåre',
  'Øjvind',
  'Æsger',
  'Torben',
];

/** Common Danish surnames. */
export const LAST_NAMES: readonly string[] = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Christiansen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Jakobsen',
  'Mikkelsen',
  'Olesen',
  'Frederiksen',
  'Laursen',
  'Henriksen',
  'Lund',
  'Schmidt',
  'Eriksen',
  'Holm',
  'Kristiansen',
  'Clausen',
  'Simonsen',
  'Svendsen',
  'Andreasen',
  'Iversen',
  'Østergaard',
  'Jeppesen',
  'Vestergaard',
  'Nissen',
  'Lauridsen',
  'Kjær',
  'Jespersen',
  'Mogensen',
  'Skov',
  'Bach',
  'Dam',
  'Carlsen',
  'Søndergaard',
  'Ærbøl',
  'Ågesen',
  'Åkjær',
  'Bøgh',
  'Højgaard',
  'Nørgaard',
  'Damgaard',
  'Bækgaard',
  'Aagaard',
];

/** A Danish name as plain ASCII for e-mail addresses and host names (æ→ae, ø→oe, å→aa). */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Institution name pools, by department they sit under. */
export const SCHOOLS: readonly string[] = [
  'Østre Skole',
  'Vestre Skole',
  'Nørre Skole',
  'Søndre Skole',
  'Kirkebakkeskolen',
  'Egeskovskolen',
  'Bøgelyskolen',
  'Lindeskovskolen',
  'Æblehaveskolen',
  'Ådalsskolen',
  'Møllevangskolen',
  'Engbakkeskolen',
  'Skovvangskolen',
  'Højvangskolen',
  'Solbjergskolen',
  'Strandvejsskolen',
  'Kærhaveskolen',
  'Ravnsholtskolen',
  'Hvidkildeskolen',
  'Fjordvangskolen',
  'Lærkevangskolen',
  'Tjørnehøjskolen',
  'Ørnebakkeskolen',
  'Grønnemoseskolen',
  'Bakkegårdsskolen',
  'Rosenlundskolen',
  'Hedegårdsskolen',
  'Specialskolen Åbrinken',
];

/** Day-care institutions. */
export const DAYCARES: readonly string[] = [
  'Børnehuset Mælkebøtten',
  'Børnehaven Solsikken',
  'Vuggestuen Myretuen',
  'Børnehuset Regnbuen',
  'Naturbørnehaven Skovtrolden',
  'Børnehuset Spiren',
  'Dagtilbud Kløvermarken',
  'Børnehaven Troldehøj',
  'Vuggestuen Bikuben',
  'Børnehuset Æblehaven',
  'Børnehuset Ællingen',
  'Børnehaven Åkanden',
  'Vuggestuen Ørnereden',
  'Børnehuset Søstjernen',
  'Børnehaven Fyrtårnet',
  'Børnehuset Lærkereden',
  'Vuggestuen Guldsmeden',
  'Børnehaven Mariehønen',
  'Børnehuset Humlebien',
  'Børnehaven Egernet',
  'Børnehuset Pusterummet',
  'Børnehaven Bakketoppen',
  'Vuggestuen Kastanjen',
  'Børnehuset Skovly',
  'Børnehaven Solstrålen',
  'Børnehuset Hvepsereden',
  'Vuggestuen Rødkælken',
  'Børnehaven Mosegården',
  'Børnehuset Tusindfryd',
  'Børnehaven Valmuen',
  'Børnehuset Lindely',
  'Vuggestuen Bøgebladet',
  'Børnehaven Hasselnødden',
  'Børnehuset Stjerneskuddet',
  'Børnehaven Havtornen',
  'Børnehuset Vindrosen',
  'Børnehaven Krudtuglen',
  'Vuggestuen Pippi',
  'Børnehuset Fuglereden',
  'Børnehaven Æblegården',
  'Børnehuset Østervang',
  'Børnehaven Åparken',
  'Dagplejen Nord',
  'Dagplejen Syd',
  'Dagplejen Øst',
  'Dagplejen Vest',
];

/** Nursing homes. */
export const NURSING_HOMES: readonly string[] = [
  'Plejecenter Solgården',
  'Plejecenter Bøgehøj',
  'Plejecenter Lindegården',
  'Plejecenter Åparken',
  'Plejecenter Egely',
  'Plejecenter Rosenhaven',
  'Plejecenter Kirkebakken',
  'Plejecenter Møllegården',
  'Plejecenter Strandhaven',
  'Plejecenter Ørnehøj',
  'Plejecenter Fjordbo',
  'Plejecenter Skovbrynet',
  'Plejecenter Æblehaven',
  'Plejecenter Hvidkilde',
  'Plejecenter Søbredden',
  'Plejecenter Engly',
  'Plejecenter Kastaniegården',
];

/** Home-care districts. */
export const HOME_CARE_DISTRICTS: readonly string[] = [
  'Hjemmepleje Nord',
  'Hjemmepleje Syd',
  'Hjemmepleje Øst',
  'Hjemmepleje Vest',
  'Hjemmepleje Midt',
  'Hjemmepleje Land',
  'Aftenvagten',
  'Nattevagten',
];

/** Libraries. */
export const LIBRARIES: readonly string[] = [
  'Hovedbiblioteket',
  'Filial Østerby',
  'Filial Vestervang',
  'Filial Ådalen',
  'Filial Skovhøj',
  'Filial Strandbyen',
  'Bogbussen',
  'Lokalhistorisk Arkiv',
];

/** Culture and leisure institutions. */
export const CULTURE: readonly string[] = [
  'Musikskolen',
  'Kulturhuset Pakhuset',
  'Idrætscentret',
  'Svømmehallen',
  'Billedskolen',
  'Byens Museum',
  'Ungdomshuset Værket',
  'Fritidscentret Æblehuset',
];

/** Youth clubs. */
export const YOUTH_CLUBS: readonly string[] = [
  'Ungdomsklubben Nord',
  'Ungdomsklubben Syd',
  'Ungdomsklubben Øst',
  'Ungdomsklubben Vest',
  'Ungecaféen',
  'Natteravnene',
];

/** Residential and social institutions. */
export const SOCIAL_INSTITUTIONS: readonly string[] = [
  'Bostedet Egely',
  'Botilbud Lærkehøj',
  'Bofællesskabet Åløkken',
  'Bostedet Ørnereden',
  'Aktivitetscentret Værkstedet',
  'Botilbud Solstrålen',
  'Væresteddet Havnen',
  'Bostøtten',
  'Botilbud Bøgely',
  'Beskyttet Beskæftigelse Æblehaven',
];

/** Family and children institutions. */
export const FAMILY_INSTITUTIONS: readonly string[] = [
  'Familiehuset',
  'Døgninstitutionen Skovbo',
  'Familiecentret',
  'Ungehuset',
  'Plejefamilieteamet',
];

/** Job centre teams. */
export const JOB_TEAMS: readonly string[] = [
  'Jobcenter – Virksomhedsservice',
  'Jobcenter – Ungeindsatsen',
  'Jobcenter – Sygedagpenge',
  'Jobcenter – Integration',
];

/** Depots and utilities. */
export const DEPOTS: readonly string[] = ['Materielgården', 'Genbrugsplads Nord', 'Genbrugsplads Syd', 'Vejvæsenet'];

/** Dental clinics. */
export const DENTAL_CLINICS: readonly string[] = [
  'Tandklinik Øst',
  'Tandklinik Vest',
  'Tandklinik Centrum',
  'Omsorgstandplejen',
];

/** Fire stations. */
export const FIRE_STATIONS: readonly string[] = ['Brandstation Nord', 'Brandstation Syd', 'Brandstation Øst'];

/** IT teams. */
export const IT_TEAMS: readonly string[] = ['IT-drift', 'IT-support', 'Digitaliseringsteamet', 'Informationssikkerhed'];

/** Citizen service desks. */
export const CITIZEN_DESKS: readonly string[] = [
  'Borgerservice – Pas og Kørekort',
  'Borgerservice – Pension',
  'Borgerservice – Lokalcenter Ådalen',
];
