<?php
/**
 * French translations of the plugin's own strings, in WordPress's PHP translation format (WordPress 6.5+): what
 * `load_plugin_textdomain` reads first. Keys are the English strings; a context is written "context\4string".
 *
 * @package Lien
 */

return array(
	'domain'       => 'lien',
	'language'     => 'fr_FR',
	'plural-forms' => 'nplurals=2; plural=n > 1;',
	'messages'     => array(
		'Lien'                                                                => 'Lien',
		'Theme'                                                               => 'Thème',
		'The association’s look, given to every Lien element on the site.'    => 'L’apparence de l’association, donnée à chaque élément Lien du site.',
		'Language and data'                                                   => 'Langue et données',
		'Primary colour'                                                      => 'Couleur principale',
		'Buttons, links and markers.'                                         => 'Boutons, liens et marqueurs.',
		'Font'                                                                => 'Police',
		'Font names, as in CSS: "Open Sans", sans-serif. Empty: the site’s font.' => 'Noms de polices, comme en CSS : "Open Sans", sans-serif. Vide : la police du site.',
		'Corner radius'                                                       => 'Arrondi des angles',
		'For example 0.5rem or 4px.'                                          => 'Par exemple 0.5rem ou 4px.',
		'Language of the elements'                                            => 'Langue des éléments',
		'By default the elements speak the page’s language (French or English).' => 'Par défaut, les éléments parlent la langue de la page (français ou anglais).',
		'The page’s language'                                                 => 'La langue de la page',
		'French'                                                              => 'Français',
		'English'                                                             => 'Anglais',
		'Lien gateway address'                                                => 'Adresse de la passerelle Lien',
		'The …/v1 address of a Lien gateway, used by the elements unless a block or shortcode gives another.' => 'L’adresse …/v1 d’une passerelle Lien, utilisée par les éléments sauf si un bloc ou un code court en donne une autre.',
		'“%s” was not saved: its value is not valid.'                         => '« %s » n’a pas été enregistré : sa valeur n’est pas valide.',
		'Settings'                                                            => 'Réglages',
		'Preview: the element as visitors will see it.'                       => 'Aperçu : l’élément tel que les visiteurs le verront.',
		"block title\4Accessibility map"                                      => 'Carte d’accessibilité',
		"block title\4Donate button"                                          => 'Bouton de don',
		"block title\4Volunteer sign-up"                                      => 'Inscription des bénévoles',
		"block title\4Sign dictionary entry"                                  => 'Entrée de dictionnaire en langue des signes',
		"block description\4A map and an accessible list of public places with their accessibility." => 'Une carte et une liste accessible de lieux publics avec leur accessibilité.',
		"block description\4A donation form: amounts, monthly giving, the cost after tax reduction, a goal." => 'Un formulaire de don : montants, don mensuel, coût après réduction d’impôt, objectif.',
		"block description\4Volunteering missions, and a sign-up form that never loses a submission." => 'Des missions de bénévolat, et un formulaire d’inscription qui ne perd jamais une inscription.',
		"block description\4A word in sign language: its videos, with a player for learners, and its credits." => 'Un mot en langue des signes : ses vidéos, avec un lecteur pour apprendre, et leurs crédits.',
	),
);
