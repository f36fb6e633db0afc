"""The demo's names: first names by generation and gender, last names by frequency.

Shared by the demo directory (app.demo.members) and the moderation samples, whose impostors
carry names that sound like the directory's (app.demo.moderation).
"""

# fmt: off
# First names by the generation that mostly carried them, so a 1965 class reads like one.
F_CLASSIC = (
    "Monique", "Françoise", "Martine", "Nicole", "Christiane", "Danielle", "Jacqueline",
    "Brigitte", "Sylvie", "Annie", "Michèle", "Geneviève", "Chantal", "Catherine", "Évelyne",
    "Josiane", "Odile", "Colette", "Marie-Thérèse", "Bernadette", "Huguette", "Régine",
    "Ghislaine", "Élisabeth", "Arlette",
)
F_MIDDLE = (
    "Isabelle", "Nathalie", "Valérie", "Sandrine", "Stéphanie", "Céline", "Aurélie", "Émilie",
    "Hélène", "Sophie", "Virginie", "Karine", "Laurence", "Caroline", "Anne-Sophie", "Delphine",
    "Séverine", "Marie-Hélène", "Agnès", "Véronique", "Cécile", "Gaëlle", "Maïté", "Bénédicte",
    "Mélanie",
)
F_YOUNG = (
    "Léa", "Chloé", "Manon", "Camille", "Anaïs", "Zoé", "Inès", "Clémence", "Océane",
    "Mathilde", "Pauline", "Margaux", "Juliette", "Éléonore", "Lucie", "Maëlle", "Noémie",
    "Héloïse", "Salomé", "Lou", "Romane", "Aïcha", "Yasmine", "Jade", "Capucine",
)
M_CLASSIC = (
    "Jean", "Michel", "Pierre", "Bernard", "André", "Jacques", "Gérard", "Claude", "René",
    "Daniel", "Alain", "Roger", "Henri", "Marcel", "Guy", "Yves", "Jean-Pierre", "Jean-Claude",
    "Raymond", "Georges", "Francis", "Lucien", "Gilbert", "Dominique", "Hubert",
)
M_MIDDLE = (
    "Philippe", "François", "Christophe", "Stéphane", "Laurent", "Frédéric", "Olivier", "Éric",
    "Sébastien", "Jérôme", "Thierry", "Nicolas", "Pascal", "Loïc", "Cédric", "Arnaud", "Benoît",
    "Grégory", "Xavier", "Jean-François", "Lionel", "Régis", "Damien", "Gaël", "Yannick",
    "Hervé",
)
M_YOUNG = (
    "Lucas", "Hugo", "Théo", "Maël", "Noé", "Clément", "Léo", "Mathis", "Enzo", "Thomas",
    "Antoine", "Baptiste", "Quentin", "Maxime", "Valentin", "Alexandre", "Adrien", "Rémi",
    "Timothée", "Gaëtan", "Yanis", "Karim", "Mehdi", "Raphaël", "Jules",
)
# Most frequent first: the draw favours the top of the list, as a real directory would.
LAST_NAMES = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Müller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
    "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
    "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
    "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
    "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc",
    "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot",
    "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Louis", "Deschamps",
    "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam",
    "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
    "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez",
    "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel",
    "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff",
    "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal", "Weber",
    "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez", "Guichard",
    "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin",
    "Da Silva", "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud",
    "Antoine", "Hoarau", "Perret", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert",
    "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte", "Côté", "N'Diaye", "Diallo", "Traoré",
    "Nguyen", "Tran", "Benali", "Haddad", "Mansouri", "Cohen", "Lévy", "Kowalski", "Nowak",
    "Ferreira", "Dos Santos", "Rossi", "Bianchi", "Martins", "Le Bihan", "Le Floch", "Kerbrat",
    "Quéméner", "Le Guen", "Tanguy", "Riou", "Prigent", "de La Fontaine", "de Villiers",
    "du Plessis", "de Montaigu", "Le Bris", "Saint-Martin", "Lacombe-Durand", "Bonnet-Morel",
    "Fabre-Lambert", "Martin-Garnier", "Lefort", "Charrier", "Vallée", "Pottier", "Texier",
    "Bigot", "Raynaud", "Thibault", "Lebon", "Besnard", "Maury", "Sauvage", "Jourdan", "Gros",
    "Labbé", "Hoffmann", "Zimmermann", "Wagner", "Becker", "Koch", "Schaeffer", "Baumann",
    "Ehrhart", "Goetz", "Muller", "Heinrich", "Kuntz", "Stoeckel", "Ungerer", "Krüger",
    "Oberlé", "Wurtz", "Haegelé", "Brändle", "Lecœur", "d'Arcy", "de Sousa", "Ben Youssef",
    "El Amrani", "Okafor", "Keïta", "Sow", "Kouassi", "Ivanov", "Papadopoulos",
    "Van den Berg", "O'Neill", "Le Meur", "Cadiou", "Jaouen", "Gourvès", "Bénéteau", "Chéron",
    "Fauré", "Pagès", "Delmas", "Castagné", "Sabatier", "Teyssier", "Bastide", "Vergès",
    "Puech", "Peyrot", "Lagarde", "Cazenave", "Etcheverry", "Irigoyen", "Larrieu", "Lacoste",
)
# fmt: on
